#!/usr/bin/env python3
"""Tests of bench.py's parts that decide what is compared, not of any timing.

Run from the repository root: python3 -m unittest scripts/bench/test_bench.py
(or python3 scripts/bench/test_bench.py). Standard library only; the Hugo
page-size test uses ../shared/bench/gen_corpus.py when it is there.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def read(path):
    with open(path, "rb") as f:
        return f.read()


class PageSize(unittest.TestCase):
    def site(self, layouts, toml=""):
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d, True)
        write(os.path.join(d, "hugo.toml"), toml)
        for name, text in layouts.items():
            write(os.path.join(d, "layouts", name), text)
        return d

    @unittest.skipUnless(os.path.exists(bench.GEN), "no ../shared/bench/gen_corpus.py")
    def test_the_generated_hugo_site_paginates_by_20(self):
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d, True)
        subprocess.run([sys.executable, bench.GEN, "3", os.path.join(d, "h"), "--target", "hugo"],
                       check=True, stdout=subprocess.DEVNULL)
        self.assertEqual(bench.hugo_page_size(os.path.join(d, "h")), 20)

    def test_a_call_without_a_size_takes_the_configured_one(self):
        d = self.site({"index.html": "{{ $p := .Paginate site.RegularPages }}"},
                      "[pagination]\npagerSize = 7\n")
        self.assertEqual(bench.hugo_page_size(d), 7)
        d = self.site({"index.html": "{{ $p := .Paginate .Pages }}"})
        self.assertEqual(bench.hugo_page_size(d), 10)

    def test_two_sizes_stop_the_script(self):
        d = self.site({"index.html": "{{ $p := .Paginate site.RegularPages 20 }}",
                       "_default/list.html": "{{ $p := .Paginate .Pages 12 }}"})
        with self.assertRaises(SystemExit):
            bench.hugo_page_size(d)

    def test_the_gazette_site_gets_that_page_size(self):
        d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, d, True)
        plain = os.path.join(d, "plain")
        write(os.path.join(plain, "content", "articles", "a.md"), "---\ntitle: A\n---\nx\n")
        for search in (True, False):
            site = bench.prepare_gazette_site(plain, search=search, page_size=20)
            with open(os.path.join(site, "site.yaml"), encoding="utf-8") as f:
                text = f.read()
            self.assertIn("paginate_by: 20\n", text)
            self.assertIn(f"search: {'true' if search else 'false'}\n", text)


class Edit(unittest.TestCase):
    def setUp(self):
        self.d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.d, True)
        self.plain = os.path.join(self.d, "plain-3")
        self.hugo = os.path.join(self.d, "hugo-3")
        for site, fm in ((self.plain, "category: X"), (self.hugo, "categories: [X]")):
            for i in range(3):
                write(os.path.join(site, "content", "articles", f"a-{i:05d}.md"),
                      f"---\ntitle: A{i}\n{fm}\n---\n\nCorps {i}.\n")
        # the search: false copy shares the plain corpus's files
        self.linked = os.path.join(self.d, "plain-3-nosearch", "content", "articles")
        os.makedirs(self.linked)
        for name in os.listdir(os.path.join(self.plain, "content", "articles")):
            os.link(os.path.join(self.plain, "content", "articles", name),
                    os.path.join(self.linked, name))

    def test_the_same_article_in_both_corpora(self):
        paths = bench.article_to_edit(self.plain, self.hugo)
        self.assertEqual([os.path.basename(p) for p in paths], ["a-00001.md"] * 2)
        self.assertTrue(paths[0].startswith(self.plain) and paths[1].startswith(self.hugo))

    def test_edited_then_restored_even_on_error(self):
        paths = bench.article_to_edit(self.plain, self.hugo)
        before = [read(p) for p in paths]
        linked = os.path.join(self.linked, os.path.basename(paths[0]))
        with self.assertRaises(RuntimeError):
            with bench.article_edited(paths):
                for p, b in zip(paths, before):
                    self.assertEqual(read(p), b + bench.EDIT_TEXT.encode("utf-8"))
                self.assertEqual(read(linked), read(paths[0]))
                for site in (self.plain, self.hugo):
                    self.assertTrue(os.path.exists(os.path.join(site, bench.EDIT_MARKER)))
                raise RuntimeError("a failed build")
        self.assertEqual([read(p) for p in paths], before)
        self.assertEqual(read(linked), before[0])
        self.assertEqual(os.stat(paths[0]).st_nlink, 2)
        for site in (self.plain, self.hugo):
            self.assertFalse(os.path.exists(os.path.join(site, bench.EDIT_MARKER)))

    def test_a_corpus_left_edited_is_not_reused(self):
        write(os.path.join(self.plain, "corpus.json"),
              '{"articles": 3, "target": "plain", "seed": %d}' % bench.SEED)
        write(os.path.join(self.plain, ".bench-generator"), "h\n")
        self.assertTrue(bench.corpus_ok(self.plain, 3, "plain", "h"))
        write(os.path.join(self.plain, bench.EDIT_MARKER), "x\n")
        self.assertFalse(bench.corpus_ok(self.plain, 3, "plain", "h"))


class Measure(unittest.TestCase):
    def setUp(self):
        self.d = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.d, True)
        self.out = os.path.join(self.d, "out")
        self.cache = os.path.join(self.d, "cache")

    def step(self, code):
        return ([sys.executable, "-c", code], self.d)

    def test_two_steps_are_one_run(self):
        make = self.step("import os; os.makedirs('out', exist_ok=True); "
                         "open('out/a.html', 'w').write('a')")
        index = self.step("import os; os.makedirs('out/pagefind', exist_ok=True); "
                          "open('out/pagefind/i.pf', 'w').write('i')")
        os.makedirs(self.cache)
        r = bench.measure([make, index], self.out, os.path.join(self.d, "log"),
                          clean=(self.cache,))
        self.assertEqual((r["exit"], r["steps"], r["html"], r["files"]), (0, 2, 1, 2))
        self.assertFalse(os.path.exists(self.cache), "a cold run removes the caches")
        for key in ("wall", "cpu", "maxrss_mib"):
            self.assertIn(key, r)

    def test_a_rebuild_keeps_output_and_caches(self):
        os.makedirs(self.cache)
        write(os.path.join(self.out, "old.html"), "o")
        r = bench.measure([self.step("pass")], self.out, os.path.join(self.d, "log"),
                          clean=(self.cache,), cold=False)
        self.assertEqual((r["exit"], r["html"]), (0, 1))
        self.assertTrue(os.path.isdir(self.cache))

    def test_a_failed_first_step_stops_the_run(self):
        r = bench.measure([self.step("import sys; sys.exit(3)"),
                           self.step("open('second', 'w')")],
                          self.out, os.path.join(self.d, "log"))
        self.assertEqual(r["exit"], 3)
        self.assertFalse(os.path.exists(os.path.join(self.d, "second")))


class Report(unittest.TestCase):
    """The report's shape from made-up figures (not measurements)."""

    def results(self):
        def g(size, tool, wall, rss, kind="cold"):
            run = {"wall": wall, "cpu": wall, "maxrss_mib": rss, "exit": 0,
                   "load1_before": 0.5, "html": 10, "files": 12, "bytes": 1000,
                   "tree": {"index.html": [1, 1]}}
            return {"size": size, "medium": "tmpfs", "tool": tool, "kind": kind, "runs": [run]}
        return [
            g(10000, "gazette", 8.0, 900), g(10000, "gazette-nosearch", 0.8, 100),
            g(10000, "hugo", 10.0, 2000), g(10000, "hugo-pagefind", 50.0, 3000),
            g(10000, "gazette", 1.0, 500, "edit"), g(10000, "gazette", 0.5, 400, "nochange"),
            g(10000, "hugo", 10.0, 2000, "edit"),
            g(30000, "gazette-nosearch", 2.7, 300),
        ]

    def test_rows_ratios_rebuilds_and_targets(self):
        meta = {"date": "d", "machine": {"nproc": 2, "cpu": "c", "mem_gib": 1, "kernel": "k"},
                "load_start": 0.1, "load_end": 0.2, "command": "python3 bench.py",
                "gazette": {"version": "gazette 0.1.0 (commit abc)", "commit": "abc",
                            "dirty": False, "binary_sha256": "0"},
                "hugo_version": "hugo v0.168.0", "pagefind_version": "pagefind 1.5.2",
                "page_size": 20}
        text = bench.report(bench.summarize(self.results()), meta, ["a note"])
        self.assertIn("Both sites list 20 articles per page", text)
        self.assertIn("| 10,000 | tmpfs | Hugo 0.168.0 + Pagefind 1.5.2 | 1 |", text)
        self.assertIn("| 10,000 | tmpfs | Gazette | Hugo 0.168.0 + Pagefind 1.5.2 | 0.160 |", text)
        self.assertIn("| 10,000 | Gazette | nothing changed | 1 |", text)
        self.assertIn("| 10,000 | Gazette | one article edited | 1 |", text)
        self.assertLess(text.index("nothing changed"), text.index("one article edited"))
        self.assertIn("Targets of issue 23", text)
        self.assertIn("wall time ≤ 1.00× Hugo's: 0.800 — met", text)
        self.assertIn("wall time ≤ 0.20× Hugo + Pagefind's: 0.160 — met", text)
        self.assertIn("peak memory ≤ 0.50× Hugo's: 0.450 — met", text)
        self.assertIn("one article's edit ≤ 0.15× Hugo's cold wall time: 0.100 — met", text)
        self.assertIn("wall time ≤ 0.10× Hugo's: 0.080 — met", text)
        self.assertIn("≤ 3.0× the 10,000 time: 3.375 — NOT met", text)
        self.assertIn("Gazette 0.1.0 (at commit abc", text)

    def test_results_of_an_older_run_are_cold_builds(self):
        old = self.results()[:4]
        for g in old:
            del g["kind"]
        rows = bench.summarize(old)
        self.assertTrue(all(r["kind"] == "cold" for r in rows))
        self.assertIsNotNone(bench.find_row(rows, 10000, "tmpfs", "hugo-pagefind"))


class Args(unittest.TestCase):
    def test_defaults_and_options(self):
        a = bench.parse_args(["--sizes", "1000"])
        self.assertEqual((a.rebuild_runs, a.pagefind_sizes, a.gazette), (1, None, None))
        a = bench.parse_args(["--sizes", "1000,10000", "--rebuild-runs", "0",
                              "--pagefind-sizes", "1000", "--gazette", "/bin/true"])
        self.assertEqual((a.rebuild_runs, a.pagefind_sizes, a.gazette), (0, [1000], "/bin/true"))


if __name__ == "__main__":
    unittest.main()
