import type { Contract } from '../../../shared/api';
import { requireDb } from '../context';
import type { Handlers } from '../handler';
import { writeSettings } from '../settings/store';
import { extendTerm, prepareExtension, prepareReturn, returnToCentre } from './provider';
import { listTasks, markDone } from './tasks';
import { checkTexts, readTexts } from './texts';

export const noticesHandlers: Handlers<Contract>['notices'] = {
  prepareExtend: (input, ctx, { caller }) => prepareExtension(requireDb(ctx), input, caller!, ctx.now()),
  prepareReturn: (input, ctx, { caller }) => prepareReturn(requireDb(ctx), input, caller!, ctx.now()),
  extend: (input, ctx, { caller }) => extendTerm(requireDb(ctx), input, caller!, ctx.now(), ctx.crypto),
  returnToCentre: (input, ctx, { caller }) => returnToCentre(requireDb(ctx), input, caller!, ctx.now(), ctx.crypto),
  tasks: ({ includeDone }, ctx) => listTasks(requireDb(ctx), includeDone, ctx.now()),
  done: ({ taskId }, ctx, { caller }) => markDone(requireDb(ctx), taskId, caller!.userId, ctx.now()),
  texts: (_input, ctx) => readTexts(requireDb(ctx)),
  setTexts: (texts, ctx, { caller }) => {
    checkTexts(texts);
    const db = requireDb(ctx);
    writeSettings(db, { 'notices.texts': texts }, caller!, ctx.now());
    return readTexts(db);
  },
};
