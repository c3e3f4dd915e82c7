/** The findings the recorded answers hold for the reference list: each one a real difference. */
export const expectedReferenceFindings = [
  '11 metadata-title The title differs from arXiv\'s: "Multitask Prompted Training Enables Zero-Shot Task Generalization".',
  '13 preprint-published This arXiv paper was published at EMNLP 2022 (DBLP); the entry still lists it as a preprint.',
  '16 preprint-published This arXiv paper was published at ACL 2023 (DBLP); the entry still lists it as a preprint.',
  '17 metadata-title The title differs from arXiv\'s: "Self-Instruct: Aligning Language Models with Self-Generated Instructions".',
  '17 preprint-published This arXiv paper was published at ACL 2023 (DBLP); the entry still lists it as a preprint.',
  '18 metadata-year The year is 2021; arXiv says 2022.',
  '19 preprint-published This arXiv paper was published at ICML 2023 (DBLP); the entry still lists it as a preprint.',
  '26 preprint-published This arXiv paper was published at NeurIPS 2023 (DBLP); the entry still lists it as a preprint.',
  '100 metadata-title The title differs from arXiv\'s: "Multitask Prompted Training Enables Zero-Shot Task Generalization".',
  '101 preprint-published This arXiv paper was published at EMNLP 2022 (DBLP); the entry still lists it as a preprint.',
  '102 preprint-published This arXiv paper was published at ICML 2023 (DBLP); the entry still lists it as a preprint.',
  '117 preprint-published This arXiv paper was published at ACL 2022 (DBLP); the entry still lists it as a preprint.',
  '132 metadata-authors The first author differs from arXiv\'s: Hugo Touvron.',
  '138 metadata-authors The first author differs from arXiv\'s: Hugo Touvron.',
];

