"""The digest's HTML templates and stylesheet (`string.Template`, `$name` fields).

They are Python constants rather than files so they ship with the package without a
package-data entry. Every `$field` is filled through `render.fill`, which escapes each
value unless it is `Safe` markup built by these same templates; the words come from
`lang/<code>/digest.toml`. The page loads nothing: the CSS is inline and the
Content-Security-Policy forbids scripts and remote resources, so a hostile string that
slipped through would still not run.
"""

from __future__ import annotations

from string import Template

CSS = """
:root { color-scheme: light dark; --ink: #1d232a; --muted: #5c6670; --line: #d9dee3;
  --accent: #0b6e69; --mark: #fff1a8; --bg: #ffffff; --card: #f6f8f9; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e6e9ec; --muted: #a3adb7; --line: #38414a; --accent: #5cc8c0;
    --mark: #5a4d00; --bg: #15191d; --card: #1d2328; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
header { border-bottom: 2px solid var(--accent); margin-bottom: 1.5rem; }
.kicker { color: var(--accent); font-weight: 600; letter-spacing: .04em;
  text-transform: uppercase; font-size: .8rem; margin: 0; }
h1 { font-size: 1.7rem; margin: .2rem 0 .4rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .3rem; }
.summary, .rule, .none, footer { color: var(--muted); }
.rule { font-size: .85rem; margin-top: 0; }
ol, ul { padding-left: 1.3rem; }
li { margin: .5rem 0; }
.event { background: var(--card); border-left: 4px solid var(--line); border-radius: 4px;
  padding: .6rem .8rem; margin: .8rem 0; list-style-position: inside; }
.event.q4 { border-left-color: #c0392b; } .event.q3 { border-left-color: #e67e22; }
.event.q2 { border-left-color: #27ae60; } .event.q1 { border-left-color: #2e86c1; }
.line { font-size: 1.05rem; margin: 0 0 .2rem; display: inline; }
.action { font-style: normal; font-weight: 600; color: var(--accent); }
.codes { font-size: .85rem; color: var(--muted); margin: .2rem 0; }
.badge { display: inline-block; border: 1px solid var(--line); border-radius: 3px;
  padding: 0 .3rem; }
code { font: .8rem ui-monospace, SFMono-Regular, Menlo, monospace; color: var(--muted); }
.evidence { list-style: none; padding-left: 0; font-size: .9rem; }
.evidence li { margin: .4rem 0; }
blockquote { margin: .2rem 0 0; padding-left: .7rem; border-left: 2px solid var(--line); }
mark { background: var(--mark); color: inherit; padding: 0 .1rem; }
.when, .tag, .more { color: var(--muted); font-size: .85rem; }
.tag { border: 1px dashed var(--line); border-radius: 3px; padding: 0 .25rem; }
a { color: var(--accent); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .4rem; border-bottom: 1px solid var(--line);
  vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
footer { border-top: 1px solid var(--line); margin-top: 2.5rem; font-size: .8rem; }
"""

PAGE = Template("""<!DOCTYPE html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="pantau $version">
<title>$title</title>
<style>$css</style>
</head>
<body>
<main>
$body
</main>
</body>
</html>
""")

BODY = Template("""<header>
<p class="kicker">$title</p>
<h1>$heading</h1>
<p class="summary">$summary</p>
</header>
$sections
<footer><p>$footer</p></footer>""")

EMPTY = Template("""<p class="none">$message</p>""")

SECTION = Template("""<section id="$id">
<h2>$heading</h2>
$rule$content
</section>
""")

RULE = Template("""<p class="rule">$text</p>
""")

NONE = Template("""<p class="none">$text</p>""")

LIST = Template("""<$tag class="$cls">
$items
</$tag>""")

EVENT = Template("""<li class="event q$quad">
<p class="line">$line</p>
<p class="codes"><span class="badge">$quad_label</span>
CAMEO <code>$cameo</code> $cameo_name$plover · $goldstein_label $goldstein
· $importance_label $importance · $articles$modality</p>
<ul class="evidence">
$evidence
</ul>
</li>""")

ACTOR = Template("""<strong class="actor">$name</strong>$code""")

CODE = Template(""" <code>$code</code>""")

ACTION = Template("""<em class="action">$action</em>""")

PLOVER = Template(""" · PLOVER <code>$plover</code>""")

EVIDENCE = Template("""<li>$source $when$tag
<blockquote>$before<mark>$trigger</mark>$after</blockquote></li>""")

LINK = Template("""<a href="$url">$text</a>""")

TITLE = Template("""<span class="title">$text</span>""")

WHEN = Template("""<span class="when">$text</span>""")

TAG = Template(""" <span class="tag">$text</span>""")

MORE = Template("""<li class="more">$text</li>""")

NEW_ACTOR = Template("""<li><strong>$name</strong>$code <span class="when">$type$roles</span>
· $articles · <span class="when">$first_seen</span> $source</li>""")

QUOTED = Template("""<li><strong>$name</strong>$code · $quotes · $articles
<blockquote>$sample</blockquote>
<span class="when">$source</span></li>""")

PLACES = Template("""<table>
<thead><tr><th>$h_place</th><th>$h_written</th><th>$h_kind</th><th>$h_coords</th>
<th>$h_articles</th></tr></thead>
<tbody>
$rows
</tbody>
</table>""")

PLACE = Template("""<tr><td><strong>$name</strong></td><td>$written</td><td>$kind</td>
<td class="num">$coords</td><td class="num">$articles</td></tr>""")
