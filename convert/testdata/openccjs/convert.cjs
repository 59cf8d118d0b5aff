// Converts with opencc-js, for package convert's oracle test.
// usage: node convert.cjs OPENCC_JS_DIR CONFIG < inputs.json > outputs.json
// inputs.json is a JSON array of strings; the output is the array of their
// conversions. CONFIG is an OpenCC configuration name (s2t, tw2sp, …).
const [dir, config] = process.argv.slice(2);
const OpenCC = require(dir);
const pairs = {
  s2t: ['cn', 't'], s2tw: ['cn', 'tw'], s2twp: ['cn', 'twp'], s2hk: ['cn', 'hk'], s2hkp: ['cn', 'hkp'],
  t2s: ['t', 'cn'], tw2s: ['tw', 'cn'], tw2sp: ['twp', 'cn'], hk2s: ['hk', 'cn'], hk2sp: ['hkp', 'cn'],
  t2tw: ['t', 'tw'], t2hk: ['t', 'hk'], t2jp: ['t', 'jp'], tw2t: ['tw', 't'], hk2t: ['hk', 't'], jp2t: ['jp', 't'],
};
if (!pairs[config]) throw new Error('unknown configuration ' + config);
const convert = OpenCC.Converter({ from: pairs[config][0], to: pairs[config][1] });
let buf = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => { buf += d; }).on('end', () => {
  process.stdout.write(JSON.stringify(JSON.parse(buf).map((s) => convert(s))));
});
