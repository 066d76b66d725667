// The docxtemplater side of bench/run.sh: renders one document per row of people.csv from
// bench-dt.docx, with the same data tsdraft fills (dt-data.json holds the profile's values
// resolved to the rendering language; each CSV row is set over them exactly as tsdraft batch
// does), and writes the files to disk.
//
//   node bench/docxtemplater.js TEMPLATE.docx dt-data.json people.csv OUTDIR
//
// Options are docxtemplater's recommended ones for such templates: paragraphLoop (a loop whose
// tags stand alone in their paragraphs repeats paragraphs and leaves no empty ones), linebreaks,
// DEFLATE compression of the output. Dotted paths (employee.name) and $index are answered by a
// small parser, as docxtemplater's documentation shows for custom parsers.
"use strict";

const fs = require("fs");
const path = require("path");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");

function parser(tag) {
  tag = tag.trim();
  if (tag === ".") {
    return { get: (scope) => scope };
  }
  if (tag === "$index") {
    return {
      get(scope, context) {
        // The index of the innermost loop over an array, 1-based like tsdraft's @index.
        for (let i = context.scopePathItem.length - 1; i >= 0; i--) {
          if (context.scopeTypes[i] === "array") {
            return context.scopePathItem[i] + 1;
          }
        }
        return undefined;
      },
    };
  }
  const keys = tag.split(".");
  return {
    get(scope) {
      let v = scope;
      for (const k of keys) {
        if (v == null || typeof v !== "object") {
          return undefined;
        }
        v = v[k];
      }
      return v;
    },
  };
}

// parseCSV reads RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF).
function parseCSV(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") {
        i++;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += c;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// thaiDate formats 2026-03-31 as tsdraft's Thai long form: 31 มีนาคม 2569 (Buddhist era).
function thaiDate(s, months) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) {
    throw new Error(`not a date: ${s}`);
  }
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${Number(m[1]) + 543}`;
}

// rowData sets a row's columns over the shared data, copying only the objects on each path.
function rowData(base, header, row, lists, dates, months) {
  const data = Object.assign({}, base);
  const copied = new Set();
  header.forEach((col, c) => {
    let v = row[c];
    if (lists.has(col)) {
      v = v.split(";");
    } else if (dates.has(col)) {
      v = thaiDate(v, months);
    }
    const keys = col.split(".");
    let obj = data;
    for (let k = 0; k < keys.length - 1; k++) {
      const prefix = keys.slice(0, k + 1).join(".");
      if (!copied.has(prefix)) {
        obj[keys[k]] = Object.assign({}, obj[keys[k]]);
        copied.add(prefix);
      }
      obj = obj[keys[k]];
    }
    obj[keys[keys.length - 1]] = v;
  });
  return data;
}

function main() {
  const [tmplPath, dataPath, csvPath, outDir] = process.argv.slice(2);
  if (!outDir) {
    console.error("usage: node docxtemplater.js TEMPLATE.docx dt-data.json people.csv OUTDIR");
    process.exit(2);
  }
  const start = process.hrtime.bigint();
  const tmpl = fs.readFileSync(tmplPath);
  const input = JSON.parse(fs.readFileSync(dataPath, "utf8"));
  const rows = parseCSV(fs.readFileSync(csvPath, "utf8"));
  const header = rows.shift();
  const lists = new Set(input.lists || []);
  const dates = new Set(input.dates || []);
  fs.mkdirSync(outDir, { recursive: true });
  for (const row of rows) {
    const data = rowData(input.data, header, row, lists, dates, input.months);
    // A fresh zip per document: docxtemplater changes the zip it renders.
    const zip = new PizZip(tmpl);
    const doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      parser,
      nullGetter(part) {
        throw new Error(`no value for ${part.value}`);
      },
    });
    doc.render(data);
    const buf = doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" });
    fs.writeFileSync(path.join(outDir, `bench_${row[0]}.docx`), buf);
  }
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  console.error(`docxtemplater: ${rows.length} documents in ${secs.toFixed(3)}s (${(rows.length / secs).toFixed(0)}/s)`);
}

main();
