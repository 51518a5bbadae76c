/** The URL table: URLs the adapter must claim (with their kind) and must reject (test/urls.test.ts). */
import type { UrlExamples } from '../types';

export const examples: UrlExamples = {
  claims: [
    ['https://scholar.google.com/scholar?q=diffusion+models', 'search'],
    ['https://scholar.google.com/scholar?hl=en&as_sdt=0%2C5&q=%22attention+is+all+you+need%22&btnG=', 'search'],
    ['https://scholar.google.com/scholar?start=10&q=graph+neural+networks&hl=en&as_sdt=0,5', 'search'],
    ['https://scholar.google.com/scholar?cites=5331804836605365413&as_sdt=2005&sciodt=0,5&hl=en', 'search'],
    ['https://scholar.google.com/scholar?cluster=5331804836605365413&hl=en&as_sdt=0,5', 'search'],
    ['https://scholar.google.com/scholar?q=related:pYyS8T9g_kkJ:scholar.google.com/&hl=en', 'search'],
    ['https://scholar.google.co.jp/scholar?hl=en&q=%22Learning+deep+architectures+for+AI%22&as_ylo=&as_yhi=&start=&num=', 'search'],
    ['https://scholar.google.de/scholar?hl=de&q=Lernen', 'search'],
    ['https://scholar.google.com.au/scholar?q=reef', 'search'],
    ['https://scholar.google.com/citations?user=amIMrIEAAAAJ&hl=en', 'profile'],
    ['https://scholar.google.com/citations?hl=en&user=A5NhLJkAAAAJ&view_op=list_works&sortby=pubdate', 'profile'],
    ['https://scholar.google.co.uk/citations?user=kukA0LcAAAAJ', 'profile'],
  ],
  rejects: [
    'https://scholar.google.com/',
    'https://scholar.google.com/scholar',
    'https://scholar.google.com/scholar?q=',
    'https://scholar.google.com/scholar?hl=en&as_sdt=0,5',
    'https://scholar.google.com/scholar_alerts?view_op=list_alerts',
    'https://scholar.google.com/scholar_lookup?title=x',
    'https://scholar.google.com/citations',
    'https://scholar.google.com/citations?hl=en',
    'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=amIMrIEAAAAJ&citation_for_view=amIMrIEAAAAJ:u5HHmVD_uO8C',
    'https://scholar.google.com/citations?view_op=search_authors&mauthors=bengio',
    'https://scholar.google.com/citations?view_op=list_colleagues&hl=en&user=amIMrIEAAAAJ',
    'https://scholar.google.ru/scholar?q=not+a+listed+domain',
    'https://scholar.google.com.evil.example/scholar?q=x',
    'https://www.google.com/search?q=scholar',
    'https://scholar.googleusercontent.com/scholar?q=cache:8kIZgzgPiqQJ:scholar.google.com/',
    'https://example.com/scholar?q=x',
  ],
};
