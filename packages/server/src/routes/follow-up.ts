import { establishmentCodeParams, followUpQuery, followUpResponseSchema } from '@yawar/api';
import { DEFAULT_FOLLOW_UP_SCHEDULE, DEFAULT_HB_RULE_SET, hbRuleSet } from '@yawar/core';
import { establishmentLocation, followUpList, listEstablishments } from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { permission } from '../security/access.js';

/** Children found anemic who are due, overdue or lost for their control tests: individual records, scoped. */
export const followUpRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    // Chosen per deployment (YAWAR_FOLLOW_UP_SCHEDULE, checked at start) and named in every answer.
    const schedule = context.followUpSchedule ?? DEFAULT_FOLLOW_UP_SCHEDULE;

    app.get(
      '/api/establishments/:code/follow-up',
      {
        config: {
          access: permission('children:read', (request) =>
            establishmentLocation(db, (request.params as { code: string }).code.padStart(8, '0')),
          ),
        },
        schema: {
          summary:
            'Anemic children of an establishment and their expected control tests (overdue and lost first)',
          tags: ['surveillance'],
          params: establishmentCodeParams,
          querystring: followUpQuery,
          response: { 200: followUpResponseSchema },
        },
      },
      async (request) => {
        const { code } = request.params;
        const [establishment] = await listEstablishments(db, { code });
        if (!establishment) throw notFound(`establishment ${code}`);
        const rule = hbRuleSet(request.query.rule) ?? DEFAULT_HB_RULE_SET;
        const today = request.query.today ?? new Date().toISOString().slice(0, 10);
        // Counts are of the whole list; the status filter only narrows the rows returned.
        const all = await followUpList(db, rule, { establishment: code, today, schedule });
        const items = request.query.status
          ? all.filter((item) => item.status === request.query.status)
          : all;
        const counts = { on_track: 0, overdue: 0, lost: 0, completed: 0 };
        for (const item of all) counts[item.status]++;
        return {
          establishment: {
            code,
            name: establishment.name,
            network: establishment.network,
            microred: establishment.microred,
          },
          rule: rule.id,
          schedule: { ...schedule, controlsAfterDays: [...schedule.controlsAfterDays] },
          today,
          counts,
          simulated: items.some((i) => i.simulated),
          items: items.map(({ childId: _id, ...item }) => item),
        };
      },
    );
  };
