using System.Text;

namespace CompeteModel.Engine.Technologies;

/// <summary>
/// Tags descriptions (and optionally CPC codes) with the technologies of a <see cref="TechnologyTaxonomy"/>.
/// <para>
/// All phrases and exclusions, with the singular/plural forms of each word (<see cref="PhraseText.Forms"/>),
/// are compiled once into a word-level Aho–Corasick automaton (Aho &amp; Corasick 1975, "Efficient string
/// matching", CACM 18(6)) whose alphabet is the phrase vocabulary. A description is then read once, word by
/// word: each word is looked up in the vocabulary (unknown words reset the automaton), so matching costs
/// one hash lookup per word whatever the number of phrases, and "AI" matches only the word "ai" — never
/// inside "said", "paid" or "maintain".
/// </para>
/// <para>
/// A phrase occurrence counts unless an exclusion of the same technology occurs over an overlapping span
/// of words ("hydrogen peroxide" suppresses "hydrogen" there, not "green hydrogen" elsewhere).
/// CPC codes match by prefix (<see cref="CpcCodes.Matches"/>). Results are deterministic: hits in
/// taxonomy order, one per technology (see <see cref="TechnologyHit"/>). Thread-safe.
/// </para>
/// </summary>
public sealed class TechnologyTagger
{
    private readonly TechnologyTaxonomy _taxonomy;
    private readonly Dictionary<string, int> _vocab = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<long, int> _goto = new();
    private readonly int[] _fail;
    private readonly int[][] _out;

    // Entries: one per (technology, phrase) and (technology, exclusion).
    private readonly int[] _entryTech;
    private readonly int[] _entryPhrase; // global phrase index, -1 for an exclusion
    private readonly int[] _entryLength; // in words

    private readonly int[] _phraseOffset; // first global phrase index of each technology
    private readonly string[][] _cpc;
    private readonly ThreadLocal<Scratch> _scratch;

    public TechnologyTagger(TechnologyTaxonomy taxonomy)
    {
        _taxonomy = taxonomy;
        var techs = taxonomy.Technologies;
        _lookup = _vocab.GetAlternateLookup<ReadOnlySpan<char>>();

        var children = new List<Dictionary<int, int>> { new() };
        var outputs = new List<List<int>> { new() };
        var entryTech = new List<int>();
        var entryPhrase = new List<int>();
        var entryLength = new List<int>();
        _phraseOffset = new int[techs.Count + 1];
        int globalPhrase = 0;
        for (int t = 0; t < techs.Count; t++)
        {
            _phraseOffset[t] = globalPhrase;
            foreach (var p in techs[t].Phrases) AddPattern(p, t, globalPhrase++);
            foreach (var x in techs[t].Exclusions) AddPattern(x, t, -1);
        }
        _phraseOffset[techs.Count] = globalPhrase;
        PhraseCount = globalPhrase;
        _entryTech = entryTech.ToArray();
        _entryPhrase = entryPhrase.ToArray();
        _entryLength = entryLength.ToArray();

        // Failure links by breadth-first search; each node's output includes its failure node's.
        int n = children.Count;
        _fail = new int[n];
        var queue = new Queue<int>();
        foreach (var child in children[0].Values) queue.Enqueue(child);
        while (queue.Count > 0)
        {
            int u = queue.Dequeue();
            foreach (var (tok, v) in children[u])
            {
                int f = _fail[u];
                while (f != 0 && !children[f].ContainsKey(tok)) f = _fail[f];
                _fail[v] = children[f].TryGetValue(tok, out var w) && w != v ? w : 0;
                foreach (var e in outputs[_fail[v]])
                    if (!outputs[v].Contains(e)) outputs[v].Add(e);
                queue.Enqueue(v);
            }
        }
        _out = new int[n][];
        for (int i = 0; i < n; i++)
        {
            _out[i] = outputs[i].ToArray();
            foreach (var (tok, v) in children[i]) _goto[Key(i, tok)] = v;
        }
        _cpc = techs.Select(t => t.CpcPrefixes.ToArray()).ToArray();
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(PhraseCount));

        void AddPattern(string phrase, int tech, int global)
        {
            int entry = entryTech.Count;
            var words = PhraseText.Tokenize(phrase);
            entryTech.Add(tech);
            entryPhrase.Add(global);
            entryLength.Add(words.Count);
            var forms = words.Select(w => PhraseText.Forms(w).Select(Intern).ToArray()).ToArray();
            // Every combination of word forms is a path in the trie ending at this entry.
            var choice = new int[forms.Length];
            while (true)
            {
                int node = 0;
                for (int i = 0; i < forms.Length; i++)
                {
                    int tok = forms[i][choice[i]];
                    if (!children[node].TryGetValue(tok, out var next))
                    {
                        next = children.Count;
                        children.Add(new Dictionary<int, int>());
                        outputs.Add(new List<int>());
                        children[node][tok] = next;
                    }
                    node = next;
                }
                if (!outputs[node].Contains(entry)) outputs[node].Add(entry);
                int k = forms.Length - 1;
                while (k >= 0 && ++choice[k] == forms[k].Length) { choice[k] = 0; k--; }
                if (k < 0) break;
            }
        }

        int Intern(string w)
        {
            if (!_vocab.TryGetValue(w, out var id)) { id = _vocab.Count; _vocab[w] = id; }
            return id;
        }
    }

    public TechnologyTaxonomy Taxonomy => _taxonomy;

    /// <summary>Number of phrases over all technologies.</summary>
    internal int PhraseCount { get; }

    /// <summary>The technologies a description and its CPC codes indicate, in taxonomy order, with their evidence.</summary>
    public IReadOnlyList<TechnologyHit> Tag(string? text, string? cpcCodes = null)
    {
        var s = _scratch.Value!;
        ulong phraseMask = MatchPhrases(text, s);
        List<string>[]? cpcHits = null;
        ulong cpcMask = 0;
        if (!string.IsNullOrWhiteSpace(cpcCodes))
        {
            foreach (var code in CpcCodes.Split(cpcCodes))
            {
                for (int t = 0; t < _cpc.Length; t++)
                {
                    foreach (var p in _cpc[t])
                    {
                        if (!CpcCodes.Matches(code, p)) continue;
                        cpcHits ??= new List<string>[_cpc.Length];
                        var list = cpcHits[t] ??= new List<string>();
                        if (!list.Contains(code)) list.Add(code);
                        cpcMask |= 1UL << t;
                        break;
                    }
                }
            }
        }
        ulong mask = phraseMask | cpcMask;
        if (mask == 0) { s.Reset(); return []; }

        var techs = _taxonomy.Technologies;
        var hits = new List<TechnologyHit>(System.Numerics.BitOperations.PopCount(mask));
        var sb = new StringBuilder();
        for (int t = 0; t < techs.Count; t++)
        {
            if ((mask & (1UL << t)) == 0) continue;
            sb.Clear();
            for (int g = _phraseOffset[t]; g < _phraseOffset[t + 1]; g++)
            {
                if (!s.PhraseHit[g]) continue;
                if (sb.Length > 0) sb.Append('|');
                sb.Append(techs[t].Phrases[g - _phraseOffset[t]]);
            }
            if (cpcHits?[t] is { } codes)
                foreach (var c in codes) { if (sb.Length > 0) sb.Append('|'); sb.Append(c); }
            hits.Add(new TechnologyHit(techs[t].Id, sb.ToString(), (phraseMask & (1UL << t)) != 0 ? EvidenceKind.Phrase : EvidenceKind.Cpc));
        }
        s.Reset();
        return hits;
    }

    /// <summary>The technologies as a bitmask (bit i = <c>Technologies[i]</c>): the same decision as <see cref="Tag"/>, without evidence.</summary>
    public ulong TagMask(string? text, string? cpcCodes = null)
    {
        var s = _scratch.Value!;
        ulong mask = MatchPhrases(text, s);
        s.Reset();
        if (!string.IsNullOrWhiteSpace(cpcCodes))
            foreach (var code in CpcCodes.Split(cpcCodes))
                for (int t = 0; t < _cpc.Length; t++)
                    foreach (var p in _cpc[t])
                        if (CpcCodes.Matches(code, p)) { mask |= 1UL << t; break; }
        return mask;
    }

    /// <summary>Masks for many descriptions (in parallel; the result does not depend on scheduling).</summary>
    public ulong[] TagMasks(IReadOnlyList<string?> texts, IReadOnlyList<string?>? cpcCodes = null)
    {
        if (cpcCodes is not null && cpcCodes.Count != texts.Count)
            throw new ArgumentException("texts and CPC codes differ in length", nameof(cpcCodes));
        var masks = new ulong[texts.Count];
        Parallel.For(0, texts.Count, i => masks[i] = TagMask(texts[i], cpcCodes?[i]));
        return masks;
    }

    /// <summary>Runs the automaton; marks matched phrases in the scratch and returns the technology mask.</summary>
    private ulong MatchPhrases(string? text, Scratch s)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        if (s.Buffer.Length < text.Length) s.Buffer = new char[Math.Max(text.Length, 2 * s.Buffer.Length)];
        var buf = s.Buffer;
        int state = 0, word = 0, len = 0;
        s.Occurrences = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (PhraseText.IsApostrophe(c)) continue;
            if (PhraseText.IsWordChar(c)) { buf[len++] = PhraseText.Fold(c); continue; }
            if (len == 0) continue;
            state = _lookup.TryGetValue(new ReadOnlySpan<char>(buf, 0, len), out var tok) ? Step(state, tok) : 0;
            len = 0;
            foreach (var e in _out[state]) s.AddOccurrence(e, word);
            word++;
        }
        if (s.Occurrences == 0) return 0;

        ulong mask = 0;
        for (int i = 0; i < s.Occurrences; i++)
        {
            int e = s.OccEntry[i];
            int g = _entryPhrase[e];
            if (g < 0 || s.PhraseHit[g]) continue;
            int t = _entryTech[e], end = s.OccEnd[i], start = end - _entryLength[e] + 1;
            bool excluded = false;
            for (int j = 0; j < s.Occurrences && !excluded; j++)
            {
                int x = s.OccEntry[j];
                if (_entryPhrase[x] >= 0 || _entryTech[x] != t) continue;
                int xEnd = s.OccEnd[j], xStart = xEnd - _entryLength[x] + 1;
                excluded = start <= xEnd && xStart <= end;
            }
            if (excluded) continue;
            s.MarkPhrase(g);
            mask |= 1UL << t;
        }
        return mask;
    }

    private int Step(int state, int tok)
    {
        while (true)
        {
            if (_goto.TryGetValue(Key(state, tok), out var next)) return next;
            if (state == 0) return 0;
            state = _fail[state];
        }
    }

    private static long Key(int state, int tok) => ((long)state << 32) | (uint)tok;

    /// <summary>Per-thread working memory, reset after each description.</summary>
    private sealed class Scratch(int phraseCount)
    {
        public char[] Buffer = new char[256];
        public int[] OccEntry = new int[16];
        public int[] OccEnd = new int[16];
        public int Occurrences;
        public readonly bool[] PhraseHit = new bool[phraseCount];
        private readonly List<int> _marked = new();

        public void AddOccurrence(int entry, int end)
        {
            if (Occurrences == OccEntry.Length)
            {
                Array.Resize(ref OccEntry, Occurrences * 2);
                Array.Resize(ref OccEnd, Occurrences * 2);
            }
            OccEntry[Occurrences] = entry;
            OccEnd[Occurrences++] = end;
        }

        public void MarkPhrase(int g)
        {
            PhraseHit[g] = true;
            _marked.Add(g);
        }

        public void Reset()
        {
            foreach (var g in _marked) PhraseHit[g] = false;
            _marked.Clear();
            Occurrences = 0;
        }
    }
}
