import { FORECAST_METHODS, OBSERVATION_CRITICALITIES, PROGRAMME_STATUSES } from '@yawar/core';
import { z } from 'zod';

/** Response shapes of /api/programming (the web app's copy: packages/web/src/api/programmingTypes.ts). */
export const statusSchema = z.enum(PROGRAMME_STATUSES);
export const methodSchema = z.enum(FORECAST_METHODS);
export const criticalitySchema = z.enum(OBSERVATION_CRITICALITIES);

export const parametersSchema = z.object({
  horizonMonths: z.number().int().min(1).max(120),
  safetyStockMonths: z.number().min(0).max(60),
  historyWindowMonths: z.number().int().min(1).max(120),
  growthRate: z.number().gt(-1).max(10),
  defaultMethod: methodSchema,
  holtWinters: z.object({
    alpha: z.number().min(0).max(1),
    beta: z.number().min(0).max(1),
    gamma: z.number().min(0).max(1),
  }),
  intervention: z
    .object({
      treatmentCoverage: z.number().min(0).max(1),
      preventionCoverage: z.number().min(0).max(1),
      wastage: z.number().min(0).lt(1),
    })
    .optional(),
});

export const roundSchema = z.object({
  id: z.number(),
  name: z.string(),
  fiscalYear: z.number(),
  opensOn: z.string(),
  closesOn: z.string(),
  horizonStart: z.string(),
  historyEnd: z.string(),
  regionalReview: z.boolean(),
  status: z.enum(['open', 'consolidated']),
  consolidatedAt: z.string().nullable(),
  parameters: parametersSchema,
  counts: z.record(z.string(), z.number()),
});

export const programmeSummarySchema = z.object({
  id: z.number(),
  roundId: z.number(),
  unit: z.object({ code: z.string(), name: z.string(), departmentUbigeo: z.string() }),
  status: statusSchema,
  version: z.number(),
  lineCount: z.number(),
  totalCost: z.number().nullable(),
  costSimulated: z.boolean(),
  openObservations: z.number(),
  computedAt: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

const stepSchema = z.object({
  key: z.string(),
  formula: z.string(),
  substituted: z.string(),
  value: z.number().nullable(),
  source: z.string(),
});

const monthValue = z.object({ month: z.string(), value: z.number() });

export const computationSchema = z.object({
  method: methodSchema,
  adjustedHistory: z.array(monthValue).readonly(),
  cpma: z.number(),
  monthlyForecast: z.array(monthValue).readonly(),
  demand: z.number(),
  safetyStock: z.number(),
  stockAvailable: z.number(),
  inTransit: z.number(),
  netRequirement: z.number(),
  packs: z.number(),
  quantity: z.number(),
  cost: z.number().nullable(),
  errors: z
    .object({
      mape: z.number().nullable(),
      wape: z.number().nullable(),
      rmse: z.number(),
      mse: z.number(),
      rSquared: z.number().nullable(),
      n: z.number(),
    })
    .nullable(),
  steps: z.array(stepSchema).readonly(),
  warnings: z.array(z.string()).readonly(),
  notices: z
    .array(
      z.object({
        code: z.string(),
        params: z.record(z.string(), z.union([z.string(), z.number()])),
      }),
    )
    .readonly(),
});

export const lineSchema = z.object({
  resourceCode: z.string(),
  resourceName: z.string(),
  dispensingUnit: z.string(),
  packSize: z.number(),
  packDescription: z.string(),
  unitPrice: z.number().nullable(),
  priceSimulated: z.boolean(),
  method: methodSchema,
  prefillQuantity: z.number(),
  unitQuantity: z.number().nullable(),
  finalQuantity: z.number(),
  finalPacks: z.number(),
  finalCost: z.number().nullable(),
  justification: z.string().nullable(),
  justificationMissing: z.boolean(),
  history: z.array(
    z.object({
      month: z.string(),
      consumption: z.number(),
      stockEnd: z.number().nullable(),
      stockoutDays: z.number(),
    }),
  ),
  computation: computationSchema,
  alternatives: z
    .array(
      z.object({
        method: methodSchema,
        usedMethod: methodSchema,
        quantity: z.number(),
        errors: computationSchema.shape.errors,
      }),
    )
    .readonly(),
  stale: z.boolean(),
});

export const observationSchema = z.object({
  id: z.number(),
  resourceCode: z.string().nullable(),
  criticality: criticalitySchema,
  note: z.string(),
  status: z.enum(['open', 'addressed', 'resolved']),
  response: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  addressedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  programmeVersion: z.number(),
});

export const sheetSchema = z.object({
  programme: programmeSummarySchema,
  round: roundSchema,
  availableActions: z.array(z.enum(['submit', 'validate', 'return', 'approve'])),
  editable: z.boolean(),
  canReview: z.boolean(),
  months: z.array(z.string()),
  lines: z.array(lineSchema),
  observations: z.array(observationSchema),
  events: z.array(
    z.object({
      id: z.number(),
      version: z.number(),
      action: z.string(),
      fromStatus: statusSchema,
      toStatus: statusSchema,
      note: z.string().nullable(),
      actor: z.string(),
      at: z.string(),
    }),
  ),
  simulatedHistory: z.boolean(),
});

export const consolidationSchema = z.object({
  round: roundSchema,
  products: z.array(
    z.object({
      resourceCode: z.string(),
      resourceName: z.string(),
      dispensingUnit: z.string(),
      packSize: z.number(),
      quantity: z.number(),
      packs: z.number(),
      cost: z.number().nullable(),
      units: z.number(),
    }),
  ),
  unitsIncluded: z.number(),
  unitsPending: z.array(z.object({ code: z.string(), name: z.string(), status: statusSchema })),
  totalCost: z.number().nullable(),
  costSimulated: z.boolean(),
});

export const meetingSchema = z.object({
  id: z.number(),
  roundId: z.number(),
  groupName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  modality: z.enum(['in_person', 'virtual']),
  place: z.string().nullable(),
  participants: z.array(
    z.object({
      unit: z.object({ code: z.string(), name: z.string() }),
      attended: z.boolean().nullable(),
      feedback: z.string().nullable(),
      programmeId: z.number().nullable(),
      programmeStatus: statusSchema.nullable(),
      observations: z.number(),
      addressedBeforeApproval: z.number(),
    }),
  ),
});
