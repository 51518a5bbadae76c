/** The URL table: URLs the adapter must claim (with their kind) and must reject (test/urls.test.ts). */
import type { UrlExamples } from '../types';

export const examples: UrlExamples = {
  claims: [
    ['https://openreview.net/group?id=ICLR.cc/2018/Conference', 'group'],
    ['https://openreview.net/group?id=ICLR.cc%2F2024%2FConference', 'group'],
    ['https://openreview.net/group?id=NeurIPS.cc/2023/Conference#tab-accept-oral', 'group'],
    ['https://openreview.net/group?id=ICML.cc/2023/Workshop/SPIGM&referrer=%5BHomepage%5D(%2F)', 'group'],
    ['https://openreview.net/forum?id=SyBPtQfAZ', 'paper'],
    ['https://openreview.net/forum?id=rJ5C67-C-', 'paper'],
    ['https://openreview.net/forum?id=Hk3mPK5gg&noteId=Hk3mPK5gg', 'paper'],
    ['https://openreview.net/forum?id=YicbFdNTTy&referrer=%5Bthe%20profile%5D', 'paper'],
  ],
  rejects: [
    'https://openreview.net/',
    'https://openreview.net/group',
    'https://openreview.net/group?id=',
    'https://openreview.net/forum',
    'https://openreview.net/forum?id=',
    'https://openreview.net/forum?id=a',
    'https://openreview.net/pdf?id=SyBPtQfAZ',
    'https://openreview.net/attachment?id=SyBPtQfAZ&name=pdf',
    'https://openreview.net/profile?id=~Jane_Doe1',
    'https://openreview.net/venues',
    'https://openreview.net/notifications',
    'https://api.openreview.net/notes?forum=SyBPtQfAZ',
    'https://openreview.net.evil.example/forum?id=SyBPtQfAZ',
    'https://docs.openreview.net/getting-started/creating-an-openreview-profile',
    'https://arxiv.org/abs/2301.01234',
  ],
};
