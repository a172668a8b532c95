#!/usr/bin/python3
"""Times intake against the reference tools on the same files (issue 7).

Called by scripts/bench, which builds intake and the corpus first. Each
repeat runs every measurement once, in the same order, on the same files;
the ratios of one repeat compare commands that ran minutes apart on the same
machine. Printed and written to build/bench/results-<date>.tsv (one row per
measurement and repeat) and results-<date>.md (median and spread).

Wall time is measured around the process; memory two ways:
  tree   peak of the summed resident set of the command and all of its
         descendants (worker processes), sampled every 10 ms from /proc;
  max    the largest single process's maximum resident set (wait4's
         ru_maxrss, what GNU time -v reports): exact, but not a sum.
"""

import argparse
import datetime
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time

PAGE = os.sysconf("SC_PAGE_SIZE")


# ------------------------------------------------------------ measuring

def _tree_rss(pid):
    total, stack, seen = 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open("/proc/%d/statm" % p) as f:
                total += int(f.read().split()[1]) * PAGE
            for tid in os.listdir("/proc/%d/task" % p):
                with open("/proc/%d/task/%s/children" % (p, tid)) as f:
                    stack.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            pass
    return total


class Result:
    def __init__(self, seconds, tree_peak, max_rss, returncode):
        self.seconds = seconds
        self.tree_peak = tree_peak
        self.max_rss = max_rss
        self.returncode = returncode


def measure(cmd, stdin=None, stdout=None, cwd=None, ok=(0,)):
    """Runs cmd (a list, or a string for bash -c); returns a Result."""
    if isinstance(cmd, str):
        cmd = ["bash", "-c", cmd]
    fin = open(stdin, "rb") if stdin else subprocess.DEVNULL
    fout = open(stdout, "wb") if stdout else subprocess.DEVNULL
    peak = [0]
    done = threading.Event()
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=fin, stdout=fout,
                            stderr=subprocess.PIPE, cwd=cwd)

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            done.wait(0.01)
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    for f in (fin, fout):
        if f is not subprocess.DEVNULL:
            f.close()
    if proc.returncode not in ok:
        sys.stderr.write(err.decode(errors="replace")[-3000:])
        raise SystemExit("bench: %s exited %d" % (" ".join(cmd)[:200],
                                                   proc.returncode))
    return Result(seconds, peak[0], usage.ru_maxrss * 1024, proc.returncode)


# ------------------------------------------------------------ inputs

def passages_for_classify(passages_jsonl, dest_json, dest_txt, count):
    """The corpus's passages, repeated to `count` lines, for both tools."""
    texts = []
    with open(passages_jsonl, encoding="utf-8") as f:
        for line in f:
            t = json.loads(line).get("text", "")
            if t.strip():
                texts.append(t)
    rng = random.Random(7)
    with open(dest_json, "w", encoding="utf-8") as fj, \
            open(dest_txt, "w", encoding="utf-8") as ft:
        for i in range(count):
            t = texts[i % len(texts)] if i < len(texts) else rng.choice(texts)
            fj.write(json.dumps({"text": t}, ensure_ascii=False) + "\n")
            ft.write(fasttext_line(t) + "\n")
    return len(texts)


def fasttext_line(text):
    return " ".join(text.lower().split())


def train_fasttext(dev_jsonl, model_prefix):
    """Supervised model on the development set's article 14 codes."""
    train = model_prefix + ".train.txt"
    with open(dev_jsonl, encoding="utf-8") as f, \
            open(train, "w", encoding="utf-8") as out:
        for line in f:
            rec = json.loads(line)
            labels = rec.get("article14") or ["none"]
            out.write(" ".join("__label__" + l for l in labels) + " " +
                      fasttext_line(rec["text"]) + "\n")
    subprocess.run(["fasttext", "supervised", "-input", train, "-output",
                    model_prefix, "-epoch", "25", "-lr", "0.5",
                    "-wordNgrams", "2", "-thread", "1", "-verbose", "0"],
                   check=True, stdout=subprocess.DEVNULL)
    return model_prefix + ".bin"


# ------------------------------------------------------------ the run

TARGETS = [
    # key, what, target text, test on the ratio
    ("pdf_vs_pdftotext", "intake run --jobs 1 / pdftotext, text PDFs",
     "<= 1.3", lambda r: r <= 1.3),
    ("docx_vs_pandoc", "intake run --jobs 1 / pandoc -t plain, DOCX",
     "<= 0.2", lambda r: r <= 0.2),
    ("classify_vs_fasttext", "intake classify / fasttext predict, passages/s",
     ">= 1.0", lambda r: r >= 1.0),
    ("speedup_2", "speed-up at 2 jobs / 2 (linear = 1)", ">= 0.8",
     lambda r: r >= 0.8),
    ("speedup_all", "speed-up at all cores / cores", ">= 0.8",
     lambda r: r >= 0.8),
    ("rerun_vs_first", "rerun with nothing new / first run", "<= 0.02",
     lambda r: r <= 0.02),
    ("inprocess_vs_workers", "--in-process / worker process, --jobs 1",
     "(info)", None),
    ("mem_10x_vs_1x", "tree peak RSS, 10x corpus / 1x, --jobs 1", "<= 1.1",
     lambda r: r <= 1.1),
    ("mem_10x_vs_1x_main", "largest process max RSS, 10x / 1x, --jobs 1",
     "<= 1.1", lambda r: r <= 1.1),
    ("mem_long_vs_letters", "tree peak RSS, 1,000-page PDF / 1x corpus",
     "(bounded)", None),
]


def run_once(args, rep, rows):
    intake = args.intake
    work = os.path.join(args.bench_dir, "work")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    corpus, big = args.corpus, args.corpus_10x
    pdfs = sorted(os.path.join(corpus, "pdf", f)
                  for f in os.listdir(os.path.join(corpus, "pdf")))
    docxs = sorted(os.path.join(corpus, "docx", f)
                   for f in os.listdir(os.path.join(corpus, "docx")))
    cores = os.cpu_count() or 1
    r = {}

    def rec(key, res, note=""):
        r[key] = res
        rows.append((rep, key, "%.3f" % res.seconds, res.tree_peak,
                     res.max_rss, note))
        print("  %-26s %8.2f s  tree %6.1f MiB  max %6.1f MiB %s" % (
            key, res.seconds, res.tree_peak / 2**20, res.max_rss / 2**20,
            note), flush=True)

    def out(name):
        return os.path.join(work, name)

    # Reference tools: one process per file, as a shell loop.
    rec("pdftotext", measure(
        ["bash", "-c", 'for f in "$@"; do pdftotext "$f" "%s/p.txt" '
         '|| exit 1; done' % work, "loop"] + pdfs))
    rec("intake_pdf_j1", measure([intake, "run", os.path.join(corpus, "pdf"),
                                  "--out", out("pdf"), "--jobs", "1"]))
    rec("pandoc", measure(
        ["bash", "-c", 'for f in "$@"; do pandoc -t plain "$f" -o "%s/d.txt" '
         '|| exit 1; done' % work, "loop"] + docxs))
    rec("intake_docx_j1", measure([intake, "run", os.path.join(corpus, "docx"),
                                   "--out", out("docx"), "--jobs", "1"]))

    # Classifier throughput on one core, the corpus's own passages.
    cj, ct = out("classify.jsonl"), out("classify.txt")
    distinct = passages_for_classify(os.path.join(out("pdf"), "passages.jsonl"),
                                     cj, ct, args.passages)
    rec("intake_classify", measure(["taskset", "-c", "0", intake, "classify"],
                                   stdin=cj), "%d passages" % args.passages)
    rec("fasttext_predict", measure(["taskset", "-c", "0", "fasttext",
                                     "predict", args.model, ct]),
        "%d passages (%d distinct)" % (args.passages, distinct))

    # Whole corpus (PDF and DOCX): 1, 2 and all cores, then a rerun.
    both = [os.path.join(corpus, "pdf"), os.path.join(corpus, "docx")]
    rec("all_j1", measure([intake, "run"] + both +
                          ["--out", out("j1"), "--jobs", "1"]))
    rec("all_j1_rerun", measure([intake, "run"] + both +
                                ["--out", out("j1"), "--jobs", "1"]))
    rec("all_j1_inprocess", measure([intake, "run"] + both +
                                    ["--out", out("inproc"), "--in-process"]))
    rec("all_j2", measure([intake, "run"] + both +
                          ["--out", out("j2"), "--jobs", "2"]))
    if cores != 2:
        rec("all_jall", measure([intake, "run"] + both +
                                ["--out", out("jall"), "--jobs", str(cores)]))
    else:
        r["all_jall"] = r["all_j2"]
    for name in ("j2", "inproc"):
        if not same_outputs(out("j1"), out(name)):
            raise SystemExit("bench: %s outputs differ from --jobs 1" % name)

    # Memory: 10x the letters, and one 1,000-page PDF.
    bigdirs = [os.path.join(big, "pdf"), os.path.join(big, "docx")]
    rec("all10x_j1", measure([intake, "run"] + bigdirs +
                             ["--out", out("big"), "--jobs", "1"]))
    long_pdf = os.path.join(corpus, "long", "long.pdf")
    rec("long_pdftotext", measure(["pdftotext", long_pdf, out("long.txt")]))
    rec("long_intake_j1", measure([intake, "run", long_pdf, "--out",
                                   out("long"), "--jobs", "1"]))
    shutil.rmtree(work, ignore_errors=True)

    n = args.passages
    return {
        "pdf_vs_pdftotext": r["intake_pdf_j1"].seconds / r["pdftotext"].seconds,
        "docx_vs_pandoc": r["intake_docx_j1"].seconds / r["pandoc"].seconds,
        "classify_vs_fasttext": (n / r["intake_classify"].seconds) /
                                (n / r["fasttext_predict"].seconds),
        "speedup_2": r["all_j1"].seconds / r["all_j2"].seconds / 2,
        "speedup_all": r["all_j1"].seconds / r["all_jall"].seconds / cores,
        "rerun_vs_first": r["all_j1_rerun"].seconds / r["all_j1"].seconds,
        "inprocess_vs_workers": r["all_j1_inprocess"].seconds /
                                r["all_j1"].seconds,
        "mem_10x_vs_1x": r["all10x_j1"].tree_peak / r["all_j1"].tree_peak,
        "mem_10x_vs_1x_main": r["all10x_j1"].max_rss / r["all_j1"].max_rss,
        "mem_long_vs_letters": r["long_intake_j1"].tree_peak /
                               r["all_j1"].tree_peak,
        "_classify_pps": n / r["intake_classify"].seconds,
        "_fasttext_pps": n / r["fasttext_predict"].seconds,
    }


def same_outputs(a, b):
    for name in ("documents.jsonl", "passages.jsonl"):
        with open(os.path.join(a, name), "rb") as fa, \
                open(os.path.join(b, name), "rb") as fb:
            if fa.read() != fb.read():
                return False
    return True


def spread(values):
    med = statistics.median(values)
    if len(values) == 1:
        return "%.3f" % med
    return "%.3f (%.3f-%.3f)" % (med, min(values), max(values))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--intake", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--corpus-10x", required=True)
    ap.add_argument("--bench-dir", required=True)
    ap.add_argument("--dev", required=True)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--passages", type=int, default=50000)
    args = ap.parse_args()

    args.model = train_fasttext(args.dev, os.path.join(args.bench_dir,
                                                        "fasttext-article14"))
    rows, ratios = [], []
    for rep in range(1, args.repeat + 1):
        print("repeat %d of %d" % (rep, args.repeat), flush=True)
        ratios.append(run_once(args, rep, rows))

    stamp = datetime.datetime.now().strftime("%Y-%m-%d-%H%M%S")
    tsv = os.path.join(args.bench_dir, "results-%s.tsv" % stamp)
    md = os.path.join(args.bench_dir, "results-%s.md" % stamp)
    docs = len(os.listdir(os.path.join(args.corpus, "pdf")))
    with open(tsv, "w") as f:
        f.write("# Generated by scripts/bench (scripts/bench_run.py)\n")
        f.write("repeat\tmeasure\tseconds\ttree_peak_bytes\tmax_rss_bytes"
                "\tnote\n")
        for row in rows:
            f.write("\t".join(str(c) for c in row) + "\n")
        for rep, rr in enumerate(ratios, 1):
            for k, v in rr.items():
                f.write("%d\tratio:%s\t%.4f\t\t\t\n" % (rep, k, v))
    lines = ["<!-- Generated by scripts/bench (scripts/bench_run.py) -->",
             "",
             "%d letters (each as PDF and DOCX), %d cores, %d repeat(s); "
             "median (min-max)" % (docs, os.cpu_count(), args.repeat), "",
             "| ratio | measured | target | met |", "|---|---|---|---|"]
    for key, what, target, test in TARGETS:
        vals = [rr[key] for rr in ratios]
        met = "" if test is None else (
            "yes" if all(test(v) for v in vals) else
            "no" if not any(test(v) for v in vals) else "sometimes")
        lines.append("| %s | %s | %s | %s |" % (what, spread(vals), target,
                                                met))
    lines.append("")
    lines.append("intake classify %s passages/s, fasttext predict %s "
                 "passages/s (one core)" % (
                     spread([rr["_classify_pps"] for rr in ratios]),
                     spread([rr["_fasttext_pps"] for rr in ratios])))
    for key in ("all_j1", "all10x_j1", "long_intake_j1", "long_pdftotext"):
        vals = [row for row in rows if row[1] == key]
        lines.append("%s: tree peak %s MiB, largest process %s MiB" % (
            key, spread([v[3] / 2**20 for v in vals]),
            spread([v[4] / 2**20 for v in vals])))
    with open(md, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines[2:]))
    print("\nwrote %s and %s" % (md, tsv))


if __name__ == "__main__":
    main()
