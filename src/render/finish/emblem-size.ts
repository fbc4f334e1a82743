/** The agency's emblem sized in the body: each frame of a picture named "ตราครุฑ" (emblem.ts), when the run has an emblem. */
import { emblemFrames, sizeEmblemFrame } from '../emblem.js';
import type { Finishing, FinishingStep } from './step.js';

export const emblemSized: FinishingStep<Pick<Finishing, 'emblem'>> = {
  pick: (body, { emblem }) => (emblem ? emblemFrames(body) : []),
  change: (_, frame, { emblem }) => sizeEmblemFrame(frame, emblem!),
  onText: {
    piece: 'element',
    around: ['<w:body><w:p><w:r><w:drawing>', '</w:drawing></w:r></w:p></w:body>'],
    target: (small) => small.children(small.all('w:drawing')[0]!)[0],
  },
};
