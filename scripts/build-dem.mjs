#!/usr/bin/env node
// Builds the compact DEM shipped in data/<department>/dem/ from SRTM HGT tiles:
//   node scripts/build-dem.mjs <folder of SxxWyyy.hgt> <out.tif> <west> <south> <east> <north>
// e.g. node scripts/build-dem.mjs ../shared/data/srtm3_cajamarca data/cajamarca/dem/cajamarca-srtm3.tif -79.5 -7.8 -77.7 -4.58
//
// The output is one GeoTIFF (TIFF 6.0 + GeoTIFF 1.1, OGC 19-008r4): EPSG:4326, one band of signed
// 16-bit metres, nodata −32768 (GDAL_NODATA tag), DEFLATE (TIFF compression 8, zlib stream) with
// horizontal differencing (TIFF predictor 2), which shrinks a terrain raster by about a third
// beyond plain deflate. Pixel-is-area georeferencing as GDAL writes HGT tiles: the SRTM samples
// are the pixel centres, so the raster's outer edge lies half a cell outside the sample grid.
// Values are copied unchanged: the crop keeps every SRTM sample inside the bounds (edges included).
// Node's zlib only; no other dependency, so the file can be rebuilt anywhere.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const [dir, out, ...bounds] = process.argv.slice(2);
if (!dir || !out || bounds.length !== 4) {
  console.error('usage: build-dem.mjs <hgt folder> <out.tif> <west> <south> <east> <north>');
  process.exit(2);
}
const CELLS = 1200; // samples per degree, SRTM 3″
const [west, south, east, north] = bounds.map((b) => Math.round(Number(b) * CELLS));
const cols = east - west + 1;
const rows = north - south + 1;

const tiles = new Map();
function tile(latDeg, lonDeg) {
  const name = `${latDeg < 0 ? 'S' : 'N'}${String(Math.abs(latDeg)).padStart(2, '0')}${lonDeg < 0 ? 'W' : 'E'}${String(Math.abs(lonDeg)).padStart(3, '0')}`;
  if (!tiles.has(name)) {
    const bytes = readFileSync(join(dir, `${name}.hgt`));
    if (bytes.length !== 1201 * 1201 * 2) throw new Error(`${name}.hgt: not a 3″ tile`);
    tiles.set(name, bytes);
  }
  return tiles.get(name);
}

const values = new Int16Array(rows * cols);
for (let r = 0; r < rows; r++) {
  const lat = north - r; // in 1/1200 degree
  const tileSouth = Math.floor(lat / CELLS); // a node on a degree line: the bottom row of this tile
  const tileRow = (tileSouth + 1) * CELLS - lat;
  for (let c = 0; c < cols; c++) {
    const lon = west + c;
    const tileWest = Math.floor(lon / CELLS);
    const tileCol = lon - tileWest * CELLS;
    values[r * cols + c] = tile(tileSouth, tileWest).readInt16BE((tileRow * 1201 + tileCol) * 2);
  }
}

// Strips of 128 rows, each row differenced (predictor 2) then the strip deflated.
const ROWS_PER_STRIP = 128;
const strips = [];
for (let start = 0; start < rows; start += ROWS_PER_STRIP) {
  const n = Math.min(ROWS_PER_STRIP, rows - start);
  const buf = Buffer.alloc(n * cols * 2);
  for (let r = 0; r < n; r++) {
    let previous = 0;
    for (let c = 0; c < cols; c++) {
      const v = values[(start + r) * cols + c];
      buf.writeInt16LE(((v - previous) << 16) >> 16, (r * cols + c) * 2);
      previous = v;
    }
  }
  strips.push(deflateSync(buf, { level: 9 }));
}

const cell = 1 / CELLS;
const description = `SRTM 3 arc-second DEM (NASA/USGS), cropped to lon ${west / CELLS}..${east / CELLS}, lat ${south / CELLS}..${north / CELLS}; metres above the EGM96 geoid; see PROVENANCE.md`;
const entries = [
  [256, 4, [cols]], // ImageWidth
  [257, 4, [rows]], // ImageLength
  [258, 3, [16]], // BitsPerSample
  [259, 3, [8]], // Compression: Adobe deflate (zlib)
  [262, 3, [1]], // Photometric: BlackIsZero
  [270, 2, description], // ImageDescription
  [273, 4, strips.map(() => 0)], // StripOffsets (filled below)
  [277, 3, [1]], // SamplesPerPixel
  [278, 4, [ROWS_PER_STRIP]], // RowsPerStrip
  [279, 4, strips.map((s) => s.length)], // StripByteCounts
  [284, 3, [1]], // PlanarConfiguration: chunky
  [317, 3, [2]], // Predictor: horizontal differencing
  [339, 3, [2]], // SampleFormat: signed integer
  [33550, 12, [cell, cell, 0]], // ModelPixelScale
  [33922, 12, [0, 0, 0, west / CELLS - cell / 2, north / CELLS + cell / 2, 0]], // ModelTiepoint
  // GeoKeyDirectory: version 1.1.0, 4 keys: GTModelType=2 (geographic), GTRasterType=1 (pixel is
  // area), GeographicType=4326 (WGS 84), GeogAngularUnits=9102 (degree).
  [34735, 3, [1, 1, 0, 4, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326, 2054, 0, 1, 9102]],
  [42113, 2, '-32768'], // GDAL_NODATA
];
const SIZE = { 2: 1, 3: 2, 4: 4, 12: 8 };
const count = (value) => (typeof value === 'string' ? value.length + 1 : value.length);
const ifdSize = 2 + entries.length * 12 + 4;
let cursor = 8 + ifdSize;
const extra = []; // [offset, entry] of values longer than 4 bytes
for (const entry of entries) {
  const bytes = count(entry[2]) * SIZE[entry[1]];
  if (bytes > 4) {
    extra.push([cursor, entry]);
    cursor += bytes + (bytes % 2);
  }
}
const stripOffsets = [];
for (const strip of strips) {
  stripOffsets.push(cursor);
  cursor += strip.length;
}
entries.find((e) => e[0] === 273)[2] = stripOffsets;

const file = Buffer.alloc(cursor);
file.write('II', 0, 'latin1');
file.writeUInt16LE(42, 2);
file.writeUInt32LE(8, 4);
function writeValues(offset, type, value) {
  if (typeof value === 'string') return void file.write(`${value}\0`, offset, 'latin1');
  value.forEach((v, i) => {
    const at = offset + i * SIZE[type];
    if (type === 3) file.writeUInt16LE(v, at);
    else if (type === 4) file.writeUInt32LE(v, at);
    else file.writeDoubleLE(v, at);
  });
}
file.writeUInt16LE(entries.length, 8);
entries.forEach(([tag, type, value], i) => {
  const at = 10 + i * 12;
  file.writeUInt16LE(tag, at);
  file.writeUInt16LE(type, at + 2);
  file.writeUInt32LE(count(value), at + 4);
  const inline = count(value) * SIZE[type] <= 4;
  if (inline) writeValues(at + 8, type, value);
  else file.writeUInt32LE(extra.find(([, e]) => e[0] === tag)[0], at + 8);
});
file.writeUInt32LE(0, 10 + entries.length * 12); // no next IFD
for (const [offset, [, type, value]] of extra) writeValues(offset, type, value);
strips.forEach((strip, i) => strip.copy(file, stripOffsets[i]));
writeFileSync(out, file);
console.log(
  `${out}: ${cols} × ${rows} cells, ${(file.length / 1e6).toFixed(2)} MB, tiles ${[...tiles.keys()].sort().join(', ')}`,
);
