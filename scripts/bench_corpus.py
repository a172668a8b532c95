#!/usr/bin/python3
"""Build a benchmark corpus of distinct letters for scripts/bench.

Every letter starts from one of fixtures/letter-sources/*.txt (round robin)
and is varied with a seed of its own: the numbered paragraphs of each
section are shuffled and some are left out, the signatory, the dates and
the figures in the text change. Each letter is written as DOCX (python-docx,
through scripts/fixtures/make_letters.py) and converted to PDF by LibreOffice
headless, so the PDFs have a real text layer with the usual layout.

Also writes a PDF of at least 1,000 pages (letters concatenated by qpdf) for
the memory bound on a long document.

Output (DIR is the argument):
  DIR/pdf/letter-NNNNN.pdf   DIR/docx/letter-NNNNN.docx   DIR/long/long.pdf
  DIR/DONE                   written last: a finished corpus

Run with /usr/bin/python3 (needs python-docx); soffice and qpdf on PATH.
Usage: bench_corpus.py DIR DOCS [--long-pages N] [--from OTHER_DIR]
Letters already in DIR (DONE written) are kept; --from copies the letters of
the same number from a smaller corpus instead of converting them again (the
same seed makes the same letter).
"""

import argparse
import datetime
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "scripts", "fixtures"))
import make_letters  # noqa: E402

FIRST = ["Maria", "Ahmed", "Li", "Olga", "Kwame", "Sofia", "Jean", "Aroha",
         "Tomas", "Fatima", "Sione", "Ana", "Rahul", "Ingrid", "Pedro",
         "Amina", "Nguyen", "Claire", "Tevita", "Lucia"]
LAST = ["Fernandez", "Haddad", "Wei", "Petrova", "Mensah", "Rossi", "Dupont",
        "Ngata", "Novak", "Diallo", "Tupou", "Morales", "Sharma", "Larsen",
        "Silva", "Okafor", "Tran", "Moreau", "Fifita", "Castillo"]
TITLES = ["Dr.", "Ms.", "Mr.", "Prof.", "Ing."]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
# A figure in running text: not a footnote marker ([^1]), not inside a
# word or a code (MC-3/8 keeps its shape as the regex only sees digits).
FIGURE_RE = re.compile(r"(?<![\^\w/.-])(\d{1,3}(?:,\d{3})+|\d{2,6})(?![\w/])")
DATE_RE = re.compile(r"\b(\d{1,2})( de)? (\w+)( de)? (20\d\d)\b")


def vary_figure(rng, text):
    def repl(m):
        s = m.group(1)
        if len(s) == 4 and s.startswith(("19", "20")):  # a year
            return str(int(s) + rng.randint(-2, 2))
        digits = s.replace(",", "")
        n = max(1, int(int(digits) * rng.uniform(0.5, 1.8)))
        return "{:,}".format(n) if "," in s else str(n)
    return FIGURE_RE.sub(repl, text)


def vary_date(rng, text):
    def repl(m):
        month = m.group(3)
        if month in MONTHS:
            month = rng.choice(MONTHS)
        return "%d%s %s%s %d" % (rng.randint(1, 28), m.group(2) or "", month,
                                 m.group(4) or "", rng.randint(2019, 2024))
    return DATE_RE.sub(repl, text)


def vary_blocks(rng, blocks):
    """Shuffles the numbered paragraphs of each section, drops some."""
    out = []
    i = 0
    while i < len(blocks):
        if blocks[i][0] != "num" or blocks[i][1] != 0:
            out.append(blocks[i])
            i += 1
            continue
        groups = []  # each: a level-0 item and its sub-items
        while i < len(blocks) and blocks[i][0] == "num":
            if blocks[i][1] == 0:
                groups.append([])
            groups[-1].append(blocks[i])
            i += 1
        rng.shuffle(groups)
        if len(groups) > 2 and rng.random() < 0.5:
            groups.pop(rng.randrange(len(groups)))
        for g in groups:
            out.extend(g)
    varied = []
    signed = False
    for b in out:
        if b[0] == "num":
            varied.append(b[:3] + (vary_figure(rng, b[3]),))
        elif b[0] == "table":
            varied.append(("table", [b[1][0]] + [
                [vary_figure(rng, c) for c in row] for row in b[1][1:]]))
        elif b[0] == "date":
            varied.append(("date", vary_date(rng, b[1])))
        elif b[0] == "signature" and not signed and not b[1].startswith("("):
            signed = True
            varied.append(("signature", "%s %s %s" % (
                rng.choice(TITLES), rng.choice(FIRST), rng.choice(LAST))))
        elif b[0] == "para":
            varied.append(("para", vary_date(rng, vary_figure(rng, b[1]))))
        else:
            varied.append(b)
    return varied


def make_letter(index, sources, workdir):
    name = sources[index % len(sources)]
    rng = random.Random(index)
    meta, blocks, notes = make_letters.parse_source(
        os.path.join(make_letters.SRC_DIR, name + ".txt"))
    blocks = vary_blocks(rng, blocks)
    # Footnotes whose marker went with a dropped paragraph are dropped too.
    text = repr(blocks)
    notes = {k: v for k, v in notes.items() if "[^%s]" % k in text}
    created = datetime.datetime(rng.randint(2019, 2024), rng.randint(1, 12),
                                rng.randint(1, 28), 9, 0, 0)
    meta = dict(meta, created=created.strftime("%Y-%m-%dT%H:%M:%SZ"),
                title="%s (%d)" % (meta["title"], index))
    stem = "letter-%05d" % index
    path = os.path.join(workdir, stem + ".docx")
    with open(path, "wb") as f:
        f.write(make_letters.build_docx(name, meta, blocks, notes))
    return path, created


def page_count(pdf):
    res = subprocess.run(["qpdf", "--show-npages", pdf], check=True,
                         stdout=subprocess.PIPE)
    return int(res.stdout)


def make_long_pdf(pdfs, dest, pages):
    """Concatenates letters (repeating them if need be) to >= pages pages."""
    counts = {p: page_count(p) for p in pdfs}
    chosen, total = [], 0
    while total < pages:
        for p in pdfs:
            chosen.append(p)
            total += counts[p]
            if total >= pages:
                break
    subprocess.run(["qpdf", "--empty", "--pages"] + chosen + ["--", dest],
                   check=True)
    return page_count(dest)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("docs", type=int)
    ap.add_argument("--long-pages", type=int, default=0)
    ap.add_argument("--from", dest="source_dir")
    args = ap.parse_args()
    if not os.path.exists(os.path.join(args.dir, "DONE")):
        make_letters_in(args)
    long_pdf = os.path.join(args.dir, "long", "long.pdf")
    if args.long_pages and not os.path.exists(long_pdf):
        os.makedirs(os.path.dirname(long_pdf), exist_ok=True)
        pdf_dir = os.path.join(args.dir, "pdf")
        pdfs = sorted(os.path.join(pdf_dir, f) for f in os.listdir(pdf_dir))
        n = make_long_pdf(pdfs, long_pdf + ".tmp", args.long_pages)
        os.replace(long_pdf + ".tmp", long_pdf)
        print("bench_corpus: %s has %d pages" % (long_pdf, n))


def make_letters_in(args):
    sources = make_letters.list_sources()
    pdf_dir = os.path.join(args.dir, "pdf")
    docx_dir = os.path.join(args.dir, "docx")
    for d in (pdf_dir, docx_dir):
        os.makedirs(d, exist_ok=True)
    work = tempfile.mkdtemp(prefix="bench-corpus-")
    try:
        made = []
        for i in range(args.docs):
            stem = "letter-%05d" % i
            old = args.source_dir and os.path.join(args.source_dir, "pdf",
                                                   stem + ".pdf")
            if old and os.path.exists(old):
                shutil.copyfile(old, os.path.join(pdf_dir, stem + ".pdf"))
                shutil.copyfile(
                    os.path.join(args.source_dir, "docx", stem + ".docx"),
                    os.path.join(docx_dir, stem + ".docx"))
            else:
                made.append(make_letter(i, sources, work))
        # One soffice per chunk, two at a time (this machine has 2 cores).
        chunks = [made[i:i + 50] for i in range(0, len(made), 50)]
        procs = []
        for chunk in chunks:
            procs.append(chunk)
            if len(procs) == 2 or chunk is chunks[-1]:
                _convert_parallel(procs, work)
                procs = []
        for path, created in made:
            stem = os.path.splitext(os.path.basename(path))[0]
            pdf = os.path.join(work, stem + ".pdf")
            with open(pdf, "rb") as f:
                data = make_letters.normalize_pdf(f.read(), created)
            with open(os.path.join(pdf_dir, stem + ".pdf"), "wb") as f:
                f.write(data)
            shutil.copyfile(path, os.path.join(docx_dir, stem + ".docx"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with open(os.path.join(args.dir, "DONE"), "w") as f:
        f.write("%d letters\n" % args.docs)
    print("bench_corpus: %d letters in %s" % (args.docs, args.dir))


def _convert_parallel(chunks, outdir):
    procs = []
    profiles = []
    for chunk in chunks:
        profile = tempfile.mkdtemp(prefix="lo-profile-")
        profiles.append(profile)
        cmd = ["soffice", "--headless", "--norestore",
               "-env:UserInstallation=file://" + profile,
               "--convert-to", "pdf", "--outdir", outdir] + [p for p, _ in chunk]
        procs.append(subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE,
                                      env=dict(os.environ, HOME=profile)))
    try:
        for p in procs:
            _, err = p.communicate(timeout=1800)
            if p.returncode != 0:
                raise RuntimeError("soffice failed: %s" % err.decode(errors="replace"))
    finally:
        for profile in profiles:
            shutil.rmtree(profile, ignore_errors=True)
    for chunk in chunks:
        for p, _ in chunk:
            if not os.path.exists(os.path.splitext(p)[0] + ".pdf"):
                raise RuntimeError("soffice wrote no PDF for %s" % p)


if __name__ == "__main__":
    main()
