import {
  establishmentLocation,
  listEstablishments,
  setLaboratoryOverride,
  userActor,
} from '@yawar/db';
import {
  establishmentCodeParams,
  establishmentFeatureSchema,
  laboratoryOverrideBody,
} from '@yawar/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { ApiError, notFound } from '../errors.js';
import { presentEstablishment } from '../presenters/establishment.js';
import { permission } from '../security/access.js';

/** A planner corrects the category rule for one establishment in their scope; audited. */
export const laboratoryRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;

    app.put(
      '/api/establishments/:code/laboratory',
      {
        config: {
          access: permission('laboratory:edit', (request) =>
            establishmentLocation(db, (request.params as { code: string }).code.padStart(8, '0')),
          ),
        },
        schema: {
          summary:
            'Override whether an establishment has a clinical laboratory (null returns to the category rule)',
          tags: ['establishments'],
          params: establishmentCodeParams,
          body: laboratoryOverrideBody,
          response: { 200: establishmentFeatureSchema },
        },
      },
      async (request) => {
        const { code } = request.params;
        const { hasLaboratory, reason } = request.body;
        if (hasLaboratory !== null && !reason.trim()) {
          throw new ApiError(
            400,
            'reason_required',
            'say why the category rule does not apply here',
          );
        }
        const session = request.session;
        if (!session) throw new ApiError(401, 'unauthenticated', 'log in to use this resource');
        const override = hasLaboratory === null ? null : { hasLaboratory, reason: reason.trim() };
        if (
          !(await setLaboratoryOverride(
            db,
            userActor(session.user, request.id, request.ip),
            code,
            override,
          ))
        )
          throw notFound(`establishment ${code}`);
        const [row] = await listEstablishments(db, { code });
        if (!row) throw notFound(`establishment ${code}`);
        return presentEstablishment(row);
      },
    );
  };
