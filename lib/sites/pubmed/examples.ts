/** The URL table: URLs the adapter must claim (with their kind) and must reject (test/urls.test.ts). */
import type { UrlExamples } from '../types';

export const examples: UrlExamples = {
  claims: [
    ['https://pubmed.ncbi.nlm.nih.gov/?term=endometriosis&sort=date&size=100', 'search'],
    ['https://pubmed.ncbi.nlm.nih.gov/?term=crispr', 'search'],
    ['https://pubmed.ncbi.nlm.nih.gov/?term=sleep+spindles&filter=years.2020-2024&page=2', 'search'],
    ['https://pubmed.ncbi.nlm.nih.gov/?linkname=pubmed_pubmed&from_uid=37988744', 'search'],
    ['https://pubmed.ncbi.nlm.nih.gov/37988744/', 'paper'],
    ['https://pubmed.ncbi.nlm.nih.gov/37988744', 'paper'],
    ['https://pubmed.ncbi.nlm.nih.gov/1234567/?from_term=x&from_pos=1', 'paper'],
  ],
  rejects: [
    'https://pubmed.ncbi.nlm.nih.gov/',
    'https://pubmed.ncbi.nlm.nih.gov/?term=',
    'https://pubmed.ncbi.nlm.nih.gov/advanced/',
    'https://pubmed.ncbi.nlm.nih.gov/clipboard/',
    'https://pubmed.ncbi.nlm.nih.gov/37988744/citations/',
    'https://pubmed.ncbi.nlm.nih.gov/help/',
    'https://pubmed.ncbi.nlm.nih.gov/not-a-pmid/',
    'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/',
    'https://www.ncbi.nlm.nih.gov/pubmed/37988744',
    'https://pubmed.ncbi.nlm.nih.gov.evil.example/37988744/',
    'https://example.com/?term=crispr',
  ],
};
