using System.Globalization;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.IO;

/// <summary>
/// <see cref="Numbers.TryParse"/> reads plain decimals through a fast path (digits ÷ a power of ten); the value
/// must be exactly <c>double.Parse</c>'s on seeded random decimals of every length around the path's limits.
/// </summary>
public class NumbersParseTests
{
    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("0.03", 0.03)]
    [InlineData("007", 7.0)]
    [InlineData("123456789012345", 123456789012345.0)]
    [InlineData("1234567890123456", 1234567890123456.0)]
    [InlineData("0.1", 0.1)]
    [InlineData("9.999999999999999", 9.999999999999999)]
    [InlineData("12,219", 12219.0)]
    public void Reads_published_numbers(string text, double expected)
    {
        Assert.True(Numbers.TryParse(text, out var v));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(v));
    }

    [Theory]
    [InlineData("1.")]
    [InlineData(".")]
    [InlineData("1..2")]
    [InlineData("1.2.3")]
    [InlineData("x1")]
    public void Refuses_what_double_parse_refuses(string text) =>
        Assert.Equal(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _), Numbers.TryParse(text, out _));

    [Fact]
    public void Random_decimals_read_as_double_parse_reads_them()
    {
        var rng = new Random(18);
        for (int i = 0; i < 200_000; i++)
        {
            int whole = rng.Next(1, 12), fraction = rng.Next(0, 12);
            var text = Digits(rng, whole) + (fraction > 0 ? "." + Digits(rng, fraction) : "");
            Assert.True(Numbers.TryParse(text, out var v));
            Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(v));
        }
    }

    private static string Digits(Random rng, int n)
    {
        var c = new char[n];
        for (int i = 0; i < n; i++) c[i] = (char)('0' + rng.Next(10));
        return new string(c);
    }
}
