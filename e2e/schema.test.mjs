// The published JSON Schema (dist/article.schema.json, generated from the
// Rust types) accepts every sample article and refuses what the parser refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { DIST } from './server.mjs';

// Formats are informative here; the schemas' patterns carry the rules.
const ajv = new Ajv2020({ strict: true, validateFormats: false, allErrors: true });
const compile = async (name) => ajv.compile(JSON.parse(await readFile(`${DIST}${name}`, 'utf8')));
const validate = await compile('article.schema.json');
const validateDay = await compile('date-index.schema.json');
const articles = `${DIST}site/articles/`;
const seed = () => readFile(`${articles}20122.json`, 'utf8').then(JSON.parse);

test('every sample article validates against the schema', async () => {
  const files = (await readdir(articles)).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 6);
  for (const file of files) {
    const article = JSON.parse(await readFile(articles + file, 'utf8'));
    assert.ok(validate(article), `${file}: ${JSON.stringify(validate.errors, null, 1)}`);
  }
});

test('every sample date index validates against its schema', async () => {
  const dir = `${DIST}site/dates/`;
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 7);
  for (const file of files) {
    /** @type {{ date: string }} */
    const index = JSON.parse(await readFile(dir + file, 'utf8'));
    assert.ok(validateDay(index), `${file}: ${JSON.stringify(validateDay.errors, null, 1)}`);
    assert.equal(index.date, file.replace('.json', ''));
  }
  assert.equal(validateDay({ date: '2022-13-01', items: [] }), false);
});

test('the schema refuses unsafe URLs, bad dates and empty headlines', async () => {
  const cases = [
    (a) => (a.body[0].image.src = 'javascript:alert(1)'),
    (a) => (a.body[0].image.src = ' JAVASCRIPT:alert(1)'),
    (a) => (a.related[0].src = 'data:application/json,{}'),
    (a) => (a.published = '20/01/2022 19:35'),
    (a) => (a.headline = ''),
    (a) => (a.viewCount = -1),
    (a) => (a.body[1].video.sources = []),
    (a) => delete a.headline,
  ];
  for (const change of cases) {
    const article = await seed();
    change(article);
    assert.equal(validate(article), false, change.toString());
  }
  const fine = await seed();
  fine.lead = ['text ', { link: { href: 'mailto:desk@news.example', text: ['mail'] } }];
  assert.ok(validate(fine), JSON.stringify(validate.errors));
});
