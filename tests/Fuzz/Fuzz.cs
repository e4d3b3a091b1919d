using CsCheck;

namespace CompeteModel.Tests.Fuzz;

/// <summary>
/// Seeded, bounded property runs on CsCheck generators: the same cases on every machine and every run (a fixed PCG
/// stream and seed), so a failure names its case number and reproduces; the case counts keep the suite fast.
/// </summary>
internal static class Fuzz
{
    public static void Check<T>(Gen<T> gen, int cases, ulong seed, Action<T> property, Func<T, string>? show = null)
    {
        var pcg = new PCG(13, seed);
        for (int i = 0; i < cases; i++)
        {
            var value = gen.Generate(pcg, null!, out _);
            try
            {
                property(value);
            }
            catch (Exception e)
            {
                var text = show?.Invoke(value) ?? value?.ToString() ?? "";
                if (text.Length > 2000) text = text[..2000] + "…";
                throw new Xunit.Sdk.XunitException($"case {i} of seed {seed} failed: {e.GetType().Name}: {e.Message}\n--- input ---\n{text}");
            }
        }
    }

    /// <summary>Mutations of a valid file: delete a span, insert random bytes or structural characters, flip a byte, duplicate a span, truncate.</summary>
    public static Gen<byte[]> Mutants(byte[] valid, string structural) =>
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, Math.Max(0, valid.Length - 1)], Gen.Int[1, 24], Gen.Byte.Array[1, 6], Gen.Int[0, structural.Length - 1])
            .Array[1, 4]
            .Select(ops =>
            {
                var b = new List<byte>(valid);
                foreach (var (op, at0, len, bytes, s) in ops)
                {
                    int at = Math.Min(at0, b.Count);
                    switch (op)
                    {
                        case 0: b.RemoveRange(at, Math.Min(len, b.Count - at)); break;
                        case 1: b.InsertRange(at, bytes); break;
                        case 2: b.Insert(at, (byte)structural[s]); break;
                        case 3: if (at < b.Count) b[at] ^= bytes[0]; break;
                        case 4: b.InsertRange(at, b.GetRange(at, Math.Min(len, b.Count - at))); break;
                        default: b.RemoveRange(at, b.Count - at); break;
                    }
                }
                return b.ToArray();
            });
}
