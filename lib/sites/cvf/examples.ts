/** The URL table: URLs the adapter must claim (with their kind) and must reject (test/urls.test.ts). */
import type { UrlExamples } from '../types';

export const examples: UrlExamples = {
  claims: [
    ['https://openaccess.thecvf.com/CVPR2020.py', 'conference'],
    ['https://openaccess.thecvf.com/ICCV2019.py', 'conference'],
    ['https://openaccess.thecvf.com/CVPR2023?day=all', 'conference'],
    ['https://openaccess.thecvf.com/CVPR2023?day=2023-06-20', 'conference'],
    ['https://openaccess.thecvf.com/WACV2024?day=all', 'conference'],
    ['https://www.cv-foundation.org/openaccess/ICCV2015.py', 'conference'],
    ['https://openaccess.thecvf.com/CVPR2023_search.py', 'search'],
    ['https://www.cv-foundation.org/openaccess/CVPR2016_search.py', 'search'],
    ['https://openaccess.thecvf.com/content/CVPR2023/html/Nakamura_Some_Paper_Title_CVPR_2023_paper.html', 'paper'],
    ['https://openaccess.thecvf.com/content_CVPR_2020/html/Nakamura_Some_Paper_Title_CVPR_2020_paper.html', 'paper'],
    ['https://openaccess.thecvf.com/content_iccv_2015/html/Nakamura_Some_Paper_ICCV_2015_paper.html', 'paper'],
    ['https://www.cv-foundation.org/openaccess/content_iccv_2015/html/Nakamura_Some_Paper_ICCV_2015_paper.html', 'paper'],
  ],
  rejects: [
    'https://openaccess.thecvf.com/',
    'https://openaccess.thecvf.com/menu',
    'https://openaccess.thecvf.com/CVPR2023',
    'https://openaccess.thecvf.com/CVPR2023?day=',
    'https://openaccess.thecvf.com/CVPR2023_workshops/menu',
    'https://openaccess.thecvf.com/cvpr2023?day=all',
    'https://openaccess.thecvf.com/content/CVPR2023/papers/Nakamura_Some_Paper_Title_CVPR_2023_paper.pdf',
    'https://openaccess.thecvf.com/content/CVPR2023/supplemental/Nakamura_Some_Paper_Title_CVPR_2023_supplemental.pdf',
    'https://openaccess.thecvf.com/content_CVPR_2020/html/',
    'https://www.cv-foundation.org/',
    'https://www.cv-foundation.org/ICCV2015.py',
    'https://openaccess.thecvf.com.evil.example/CVPR2020.py',
    'https://thecvf.com/CVPR2020.py',
    'ftp://openaccess.thecvf.com/CVPR2020.py',
    'https://arxiv.org/abs/2301.01234',
  ],
};
