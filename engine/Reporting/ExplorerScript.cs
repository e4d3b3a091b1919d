namespace CompeteModel.Engine.Reporting;

/// <summary>
/// The weight explorer's script, inlined into report.html. <c>score</c> is the engine's aggregation
/// (<c>ScoringModel.Aggregate</c>) written again in JavaScript, operation for operation so that the same doubles give
/// the same composites: per unit and pillar, Σ w·v / Σ w over the indicators with a value and a positive weight
/// (geometric: exp(Σ w·ln v / Σ w)); then the same over the pillars with a score and a positive weight; a unit with
/// nothing left is NaN. <c>rank</c> is <c>ScoringModel.Rank</c>: highest composite first, NaN last, ties by ordinal
/// unit code. The page's ranks for every weight set are tested against the CLI's in a real browser.
/// </summary>
internal static class ExplorerScript
{
    public const string Source = """
        (function () {
          'use strict';
          var d = JSON.parse(document.getElementById('explorer-data').textContent);
          var n = d.units.length, K = d.indicators.length, P = d.pillars.length, geo = d.aggregation === 'geometric';
          var w = d.sets[0].indicatorWeights.slice(), pw = d.sets[0].pillarWeights.slice();

          function score(w, pw) {
            var composite = new Array(n);
            for (var e = 0; e < n; e++) {
              var pillar = new Array(P).fill(0), sw = new Array(P).fill(0), values = d.units[e].values;
              for (var k = 0; k < K; k++) {
                var v = values[k];
                if (v === null || !(w[k] > 0)) continue;
                var p = d.indicators[k].pillar;
                sw[p] += w[k];
                pillar[p] += w[k] * (geo ? Math.log(v) : v);
              }
              var acc = 0, sW = 0;
              for (var q = 0; q < P; q++) {
                var ps = sw[q] > 0 ? (geo ? Math.exp(pillar[q] / sw[q]) : pillar[q] / sw[q]) : NaN;
                if (isNaN(ps) || !(pw[q] > 0)) continue;
                sW += pw[q];
                acc += pw[q] * (geo ? Math.log(ps) : ps);
              }
              composite[e] = sW > 0 ? (geo ? Math.exp(acc / sW) : acc / sW) : NaN;
            }
            return composite;
          }

          function rank(composite) {
            var order = [], ranks = new Array(n);
            for (var e = 0; e < n; e++) order.push(e);
            function key(e) { return isNaN(composite[e]) ? Infinity : -composite[e]; }
            order.sort(function (a, b) {
              var ka = key(a), kb = key(b);
              if (ka < kb) return -1;
              if (ka > kb) return 1;
              var ca = d.units[a].code, cb = d.units[b].code;
              return ca < cb ? -1 : ca > cb ? 1 : 0;
            });
            for (var r = 0; r < n; r++) ranks[order[r]] = r + 1;
            return { order: order, ranks: ranks };
          }

          var baseRanks = rank(score(d.sets[0].indicatorWeights, d.sets[0].pillarWeights)).ranks;

          function fixed(v) {
            if (!isFinite(v)) return 'n/a';
            var t = v.toFixed(2);
            return t === '-0.00' ? '0.00' : t;
          }

          function cell(text, numeric) {
            var td = document.createElement('td');
            if (numeric) td.className = 'num';
            td.textContent = text;
            return td;
          }

          function drawTable(composite, result) {
            var body = document.querySelector('#explorer-ranks tbody');
            var rows = document.createDocumentFragment();
            for (var r = 0; r < n; r++) {
              var e = result.order[r], u = d.units[e], shift = baseRanks[e] - result.ranks[e];
              var tr = document.createElement('tr');
              tr.setAttribute('data-code', u.code);
              tr.setAttribute('data-rank', String(result.ranks[e]));
              tr.appendChild(cell(String(result.ranks[e]), true));
              tr.appendChild(cell(shift > 0 ? '+' + shift : String(shift), true));
              tr.appendChild(cell(u.code + ' ' + u.name, false));
              tr.appendChild(cell(fixed(composite[e]), true));
              rows.appendChild(tr);
            }
            body.replaceChildren(rows);
          }

          var SVG = 'http://www.w3.org/2000/svg';
          function el(name, attrs, text) {
            var x = document.createElementNS(SVG, name);
            for (var a in attrs) x.setAttribute(a, attrs[a]);
            if (text !== undefined) x.textContent = text;
            return x;
          }

          function drawChart(composite, result) {
            var svg = document.getElementById('explorer-svg');
            var top = result.order.filter(function (e) { return isFinite(composite[e]); }).slice(0, 15);
            var W = 800, L = 300, R = 60, T = 10, Row = 22, H = T + Math.max(1, top.length) * Row + 10;
            var lo = 0, hi = 0;
            top.forEach(function (e) { lo = Math.min(lo, composite[e]); hi = Math.max(hi, composite[e]); });
            if (hi <= lo) hi = lo + 1;
            function X(v) { return L + (v - lo) / (hi - lo) * (W - L - R); }
            var title = svg.querySelector('title');
            svg.replaceChildren(title);
            svg.setAttribute('height', String(H));
            svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
            svg.appendChild(el('rect', { x: 0, y: 0, width: W, height: H, fill: '#ffffff' }));
            svg.appendChild(el('line', { x1: X(0), y1: T, x2: X(0), y2: H - 10, stroke: '#333333' }));
            top.forEach(function (e, i) {
              var y = T + i * Row, u = d.units[e], v = composite[e];
              svg.appendChild(el('text', { x: L - 8, y: y + 15, 'text-anchor': 'end', 'font-size': 12 }, result.ranks[e] + '. ' + u.code + ' ' + (u.name.length > 34 ? u.name.slice(0, 33) + '…' : u.name)));
              var x0 = Math.min(X(0), X(v)), x1 = Math.max(X(0), X(v));
              var bar = el('rect', { x: x0, y: y + 3, width: Math.max(1, x1 - x0), height: Row - 6, fill: '#0072b2' });
              bar.appendChild(el('title', {}, u.code + ' ' + u.name + ': composite ' + fixed(v)));
              svg.appendChild(bar);
              svg.appendChild(el('text', { x: x1 + 4, y: y + 15, 'font-size': 12 }, fixed(v)));
            });
          }

          function update(label) {
            var composite = score(w, pw), result = rank(composite);
            drawTable(composite, result);
            drawChart(composite, result);
            document.getElementById('explorer-status').textContent = 'Weights: ' + label + '.';
          }

          function showSliders() {
            document.querySelectorAll('#explorer input[type=range]').forEach(function (s) {
              var v = s.hasAttribute('data-pillar') ? pw[+s.getAttribute('data-pillar')] : w[+s.getAttribute('data-indicator')];
              s.value = String(v);
              document.getElementById(s.id + '-value').textContent = fixed(v);
            });
          }

          document.querySelectorAll('#explorer input[type=range]').forEach(function (s) {
            s.addEventListener('input', function () {
              var v = parseFloat(s.value);
              if (s.hasAttribute('data-pillar')) pw[+s.getAttribute('data-pillar')] = v;
              else w[+s.getAttribute('data-indicator')] = v;
              document.getElementById(s.id + '-value').textContent = fixed(v);
              update('your own (' + s.labels[0].textContent + ' set to ' + fixed(v) + ')');
            });
          });
          document.querySelectorAll('#explorer button[data-set]').forEach(function (b) {
            b.addEventListener('click', function () {
              var s = d.sets[+b.getAttribute('data-set')];
              w = s.indicatorWeights.slice();
              pw = s.pillarWeights.slice();
              showSliders();
              update(s.name === 'base' ? "base (the spec's weights)" : 'weight set ' + s.name);
            });
          });
          update("base (the spec's weights)");
        })();

        """;
}
