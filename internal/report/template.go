package report

import (
	"fmt"
	"html/template"
	"sync"
)

// page is parsed on first use: only a run that writes a report needs it.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"w":  func(f float64) string { return fmt.Sprintf("%.1f", 5*f) },
		"lw": func(f float64) string { return fmt.Sprintf("%.1f", 8*f) },
		"y":  func(i int) int { return 22 * i },
		"h":  func(n int) int { return 22*n + 4 },
	}).Parse(`<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{font:14px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em 1.5em;color:#222}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}
.summary{display:flex;flex-wrap:wrap;gap:.6em}.summary div{border:1px solid #ddd;border-radius:6px;padding:.4em .8em;min-width:7em}
.summary b{display:block;font-size:1.4em}
table{border-collapse:collapse}td,th{padding:.15em .6em;text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}
svg text{font:12px system-ui,sans-serif}
.legend span{display:inline-block;margin:.2em .6em .2em 0}
.legend i,.key{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-.1em;margin-right:.3em}
.filters label{margin-right:.8em;white-space:nowrap}
.article{border:1px solid #ddd;border-radius:6px;margin:1em 0;padding:.6em .9em}
.article h3{font-size:1em;margin:.1em 0 .5em}
.text{white-space:pre-wrap;word-break:break-all;font-size:13px;max-height:32em;overflow:auto}
mark{background:none;border-bottom:3px solid;padding:0 1px;color:#555;text-decoration:line-through;text-decoration-color:#aaa}
mark[data-off]{border-bottom-color:transparent!important;text-decoration:none;color:inherit}
.hidden{display:none}
.muted{color:#777}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="muted">cnnews report, made {{.Generated}}.</p>

<h2 id="summary">Summary</h2>
<div class="summary">
<div>read<b>{{.Read}}</b></div>
<div>written<b>{{.Written}}</b></div>
<div>duplicates dropped<b>{{.Duplicates}}</b></div>
<div>rejected<b>{{.Rejected}}</b></div>
<div>time<b>{{.Seconds}} s</b>{{if .Rate}}{{.Rate}} articles/s{{end}}</div>
</div>
<table>
{{with .RejectedBy}}<tr><th>rejected by reason</th><td>{{range .}}{{.Name}} {{.Count}}; {{end}}</td></tr>{{end}}
{{with .Encodings}}<tr><th>encodings</th><td>{{range .}}{{.Name}} {{.Count}}; {{end}}</td></tr>{{end}}
{{with .Scripts}}<tr><th>scripts</th><td>{{range .}}{{.Name}} {{.Count}}; {{end}}</td></tr>{{end}}
{{with .Conv}}<tr><th>conversions</th><td>{{range .}}{{.Name}} {{.Count}}; {{end}}</td></tr>{{end}}
</table>

<h2 id="categories">Removals by category</h2>
<div class="legend">{{range .Legend}}<span><i style="background:{{.Colour}}"></i>{{.Label}}</span>{{end}}</div>
{{template "bars" .Categories}}

<h2 id="rules">Removals by rule</h2>
{{template "bars" .Rules}}

<h2 id="lines">Lines removed most often</h2>
{{if .Lines}}{{template "bars" .Lines}}{{else}}<p class="muted">No line was removed.</p>{{end}}

<h2 id="lengths">Article length before and after cleaning</h2>
{{if .Lengths}}<svg role="img" aria-label="articles by length, before and after cleaning" width="100%" height="{{h (len .Lengths)}}" viewBox="0 0 1000 {{h (len .Lengths)}}" preserveAspectRatio="xMinYMin meet">
{{range $i, $r := .Lengths}}<g transform="translate(0,{{y $i}})"><text x="0" y="14">{{$r.Label}}</text>
<rect x="150" y="2" height="8" width="{{lw $r.WBefore}}" fill="#bbb"><title>{{$r.Before}} articles before cleaning</title></rect>
<rect x="150" y="11" height="8" width="{{lw $r.WAfter}}" fill="#377eb8"><title>{{$r.After}} articles after cleaning</title></rect>
</g>
{{end}}</svg>
<p class="muted"><span class="key" style="background:#bbb"></span>before (the input) <span class="key" style="background:#377eb8"></span>after (the cleaned text); bars scaled to the largest bucket.</p>{{end}}

{{with .Rejections}}<h2 id="rejections">Rejections by reason</h2>{{template "bars" .}}{{end}}

<h2 id="samples">Articles, with what was removed</h2>
<p>Removed text is struck through and underlined in its category's colour; hover over it for the rule and its byte offsets. Show only articles with:</p>
<div class="filters" id="filters">
<label><input type="radio" name="f" value="" checked> everything</label>
{{range .Legend}}<label><input type="radio" name="f" value="c-{{.Label}}"> <i class="key" style="background:{{.Colour}}"></i>{{.Label}}</label>{{end}}
<label>or the rule <select id="rule"><option value="">(any)</option>{{range .Rules}}<option value="r-{{.Label}}">{{.Label}}</option>{{end}}</select></label>
</div>
<p id="shown" class="muted"></p>
{{range .Samples}}<div class="article {{.Classes}}">
<h3>{{.ID}} <span class="muted">({{.Input}}{{if .Site}}; site {{.Site}}{{end}}){{if .Cut}}, first 30,000 bytes{{end}}</span></h3>
<div class="text">{{range .Pieces}}{{if .Marked}}<mark class="c-{{.Category}} r-{{.Rule}}" style="border-bottom-color:{{.Colour}}" title="{{.Title}}">{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}</div>
</div>
{{else}}<p class="muted">No article had anything removed.</p>{{end}}

{{with .Clusters}}<h2 id="duplicates">Duplicate clusters</h2>
<table><tr><th>kept</th><th>dropped copies (similarity)</th></tr>
{{range .}}<tr><td>{{.Keep}}</td><td>{{range .Copies}}{{.ID}} ({{printf "%.2f" .Similarity}}); {{end}}</td></tr>{{end}}
</table>{{end}}

{{with .Warnings}}<h2 id="warnings">Warnings</h2><ul>{{range .}}<li>{{.}}</li>{{end}}</ul>{{end}}

<script>
(function(){
  var arts=document.querySelectorAll('.article'), rule=document.getElementById('rule'), shown=document.getElementById('shown');
  function apply(){
    var c=document.querySelector('#filters input:checked').value, r=rule.value, n=0;
    arts.forEach(function(a){
      var ok=(!c||a.classList.contains(c))&&(!r||a.classList.contains(r));
      a.classList.toggle('hidden',!ok); if(ok)n++;
      a.querySelectorAll('mark').forEach(function(m){
        var on=(!c||m.classList.contains(c))&&(!r||m.classList.contains(r));
        if(on)m.removeAttribute('data-off');else m.setAttribute('data-off','');
      });
    });
    shown.textContent=n+' of '+arts.length+' articles shown';
  }
  document.querySelectorAll('#filters input').forEach(function(i){i.addEventListener('change',apply)});
  rule.addEventListener('change',apply);
  apply();
  document.body.setAttribute('data-ready','1');
})();
</script>
</body>
</html>
{{define "bars"}}<svg role="img" aria-label="bar chart" width="100%" height="{{h (len .)}}" viewBox="0 0 1000 {{h (len .)}}" preserveAspectRatio="xMinYMin meet">
{{range $i, $b := .}}<g class="{{$b.Class}}" transform="translate(0,{{y $i}})"><text x="0" y="15">{{$b.Short}}<title>{{$b.Label}}</title></text><rect x="420" y="3" height="15" width="{{w $b.Width}}" fill="{{$b.Colour}}"><title>{{$b.Label}}: {{$b.Count}}</title></rect><text x="428" y="15" dx="{{w $b.Width}}">{{$b.Count}}</text></g>
{{end}}</svg>{{end}}
`))
})
