import {
  departmentSummary,
  listDepartments,
  listDistricts,
  listPopulatedPlaces,
  listProvinces,
} from '@yawar/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import {
  areaSchema,
  feature,
  featureCollection,
  featureCollectionSchema,
  featureSchema,
  point,
  pointSchema,
} from '../presenters/geojson.js';
import { departmentParam, districtParam, provinceParam } from '@yawar/api';
import { REGISTRY } from '../security/access.js';

const n = z.number().nullable();
const areaProperties = z.object({
  ubigeo: z.string(),
  name: z.string(),
  capital: z.string().nullable(),
  areaKm2: n,
});
const provinceProperties = areaProperties.extend({ departmentUbigeo: z.string() });
const districtProperties = z.object({
  ubigeo: z.string(),
  name: z.string(),
  provinceUbigeo: z.string(),
  provinceName: z.string(),
  departmentUbigeo: z.string(),
  capital: z.string().nullable(),
  capitalAltitudeM: n.describe(
    'Altitude of the district capital, m a.s.l. (INEI via ubigeo tables)',
  ),
  areaKm2: n,
  povertyPct: n.describe('Total poverty %, INEI 2018'),
  extremePovertyPct: n.describe('Extreme poverty %, INEI 2013'),
  idh: n.describe('Human development index 2019 (PNUD)'),
  population2017: n.describe('Population, INEI 2017 census (with omission)'),
  population2022: n.describe('Population, INEI 2022 estimate'),
  children6to35Months: n.describe(
    'Estimated children aged 6–35 months; see docs/methods/children-6-35-months.md',
  ),
  children6to35MonthsMethod: z.string().nullable(),
  establishmentCount: z.number(),
});
const placeProperties = z.object({
  code: z.string(),
  name: z.string(),
  areaType: z.enum(['urban', 'rural']),
  districtUbigeo: z.string(),
  altitudeM: z.number().nullable().describe('Metres above sea level (whole metres)'),
  altitudeSource: z
    .enum(['dem', 'record', 'district_capital'])
    .nullable()
    .describe(
      'Where the altitude comes from: the SRTM DEM, a recorded value, or the district capital (docs/methods/elevation.md)',
    ),
});

export const territoryRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    const department = departmentParam(context.defaultDepartment);

    app.get(
      '/api/summary',
      {
        config: { access: REGISTRY },
        schema: {
          summary: 'Counts of the reference data of a department',
          tags: ['territory'],
          querystring: z.object({ department }),
          response: {
            200: z.object({
              department: z.object({ ubigeo: z.string(), name: z.string() }),
              provinces: z.number(),
              districts: z.number(),
              establishments: z.number(),
              establishmentsWithCoordinates: z.number(),
              populatedPlaces: z.number(),
              networks: z.number(),
            }),
          },
        },
      },
      async (request) => {
        const summary = await departmentSummary(db, request.query.department);
        if (!summary) throw notFound(`department ${request.query.department}`);
        return summary;
      },
    );

    app.get(
      '/api/departments',
      {
        config: { access: REGISTRY },
        schema: {
          summary: 'Departments loaded, with boundaries',
          tags: ['territory'],
          response: { 200: featureCollectionSchema(featureSchema(areaSchema, areaProperties)) },
        },
      },
      async () =>
        featureCollection(
          (await listDepartments(db)).map(({ geometry, ...p }) => feature(p.ubigeo, geometry, p)),
        ),
    );

    app.get(
      '/api/provinces',
      {
        config: { access: REGISTRY },
        schema: {
          summary: 'Provinces of a department, with boundaries',
          tags: ['territory'],
          querystring: z.object({ department }),
          response: { 200: featureCollectionSchema(featureSchema(areaSchema, provinceProperties)) },
        },
      },
      async (request) =>
        featureCollection(
          (await listProvinces(db, request.query.department)).map(({ geometry, ...p }) =>
            feature(p.ubigeo, geometry, p),
          ),
        ),
    );

    app.get(
      '/api/districts',
      {
        config: { access: REGISTRY },
        schema: {
          summary: 'Districts with boundaries, population, altitude and establishment counts',
          tags: ['territory'],
          querystring: z.object({ department, province: provinceParam.optional() }),
          response: { 200: featureCollectionSchema(featureSchema(areaSchema, districtProperties)) },
        },
      },
      async (request) => {
        const rows = await listDistricts(db, request.query);
        return featureCollection(rows.map(({ geometry, ...p }) => feature(p.ubigeo, geometry, p)));
      },
    );

    app.get(
      '/api/districts/:ubigeo',
      {
        config: { access: REGISTRY },
        schema: {
          summary: 'One district',
          tags: ['territory'],
          params: z.object({ ubigeo: districtParam }),
          response: { 200: featureSchema(areaSchema, districtProperties) },
        },
      },
      async (request) => {
        const { ubigeo } = request.params;
        const [row] = await listDistricts(db, { department: ubigeo.slice(0, 2), ubigeo });
        if (!row) throw notFound(`district ${ubigeo}`);
        const { geometry, ...properties } = row;
        return feature(ubigeo, geometry, properties);
      },
    );

    app.get(
      '/api/populated-places',
      {
        config: { access: REGISTRY },
        schema: {
          summary: 'Populated places (INEI centros poblados) of a department or district',
          tags: ['territory'],
          querystring: z.object({ department, district: districtParam.optional() }),
          response: { 200: featureCollectionSchema(featureSchema(pointSchema, placeProperties)) },
        },
      },
      async (request) => {
        const rows = await listPopulatedPlaces(db, request.query);
        return featureCollection(
          rows.map(({ lat, lon, ...p }) => feature(p.code, point(lon, lat), p)),
        );
      },
    );
  };
