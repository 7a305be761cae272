import {
  departmentSummary,
  listDepartments,
  listDistricts,
  listPopulatedPlaces,
  listProvinces,
} from '@yawar/db';
import {
  departmentCollectionSchema,
  departmentScopedQuery,
  districtCollectionSchema,
  districtFeatureSchema,
  districtListQuery,
  districtParams,
  populatedPlaceCollectionSchema,
  populatedPlaceListQuery,
  provinceCollectionSchema,
  summarySchema,
} from '@yawar/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { boundary, feature, featureCollection, point } from '../presenters/geojson.js';
import { REGISTRY } from '../security/access.js';

export const territoryRoutes =
  (context: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const db = context.connection.db;
    const byDepartment = departmentScopedQuery(context.defaultDepartment);

    app.get(
      '/api/summary',
      {
        config: { access: REGISTRY },
        schema: {
          summary: 'Counts of the reference data of a department',
          tags: ['territory'],
          querystring: byDepartment,
          response: { 200: summarySchema },
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
          response: { 200: departmentCollectionSchema },
        },
      },
      async () =>
        featureCollection(
          (await listDepartments(db)).map(({ geometry, ...p }) =>
            feature(p.ubigeo, boundary(geometry), p),
          ),
        ),
    );

    app.get(
      '/api/provinces',
      {
        config: { access: REGISTRY },
        schema: {
          summary: 'Provinces of a department, with boundaries',
          tags: ['territory'],
          querystring: byDepartment,
          response: { 200: provinceCollectionSchema },
        },
      },
      async (request) =>
        featureCollection(
          (await listProvinces(db, request.query.department)).map(({ geometry, ...p }) =>
            feature(p.ubigeo, boundary(geometry), p),
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
          querystring: districtListQuery(context.defaultDepartment),
          response: { 200: districtCollectionSchema },
        },
      },
      async (request) => {
        const rows = await listDistricts(db, request.query);
        return featureCollection(
          rows.map(({ geometry, ...p }) => feature(p.ubigeo, boundary(geometry), p)),
        );
      },
    );

    app.get(
      '/api/districts/:ubigeo',
      {
        config: { access: REGISTRY },
        schema: {
          summary: 'One district',
          tags: ['territory'],
          params: districtParams,
          response: { 200: districtFeatureSchema },
        },
      },
      async (request) => {
        const { ubigeo } = request.params;
        const [row] = await listDistricts(db, { department: ubigeo.slice(0, 2), ubigeo });
        if (!row) throw notFound(`district ${ubigeo}`);
        const { geometry, ...properties } = row;
        return feature(ubigeo, boundary(geometry), properties);
      },
    );

    app.get(
      '/api/populated-places',
      {
        config: { access: REGISTRY },
        schema: {
          summary: 'Populated places (INEI centros poblados) of a department or district',
          tags: ['territory'],
          querystring: populatedPlaceListQuery(context.defaultDepartment),
          response: { 200: populatedPlaceCollectionSchema },
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
