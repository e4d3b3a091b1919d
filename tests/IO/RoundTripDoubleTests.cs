using System.Globalization;
using System.Text;
using CompeteModel.Engine.IO;

namespace CompeteModel.Tests.IO;

/// <summary>
/// <see cref="RoundTripDouble"/> must write exactly what <c>double.ToString("R", InvariantCulture)</c> writes, and what
/// it writes must read back to the same double: edge values, every power of ten with neighbours, seeded random bit
/// patterns over the whole range and random values of the magnitudes complexity tables hold.
/// </summary>
public class RoundTripDoubleTests
{
    private static void AssertLikeDotNet(double v)
    {
        Span<byte> buffer = stackalloc byte[32];
        int n = RoundTripDouble.Format(v, buffer);
        var text = Encoding.ASCII.GetString(buffer[..n]);
        Assert.Equal(v.ToString("R", CultureInfo.InvariantCulture), text);
        if (double.IsFinite(v)) Assert.Equal(BitConverter.DoubleToInt64Bits(v), BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(0.30000000000000004)]
    [InlineData(1e15)]
    [InlineData(1e16)]
    [InlineData(1e17)]
    [InlineData(12345678901234566e1)]
    [InlineData(0.0001)]
    [InlineData(0.00001)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    [InlineData(double.MinValue)]
    [InlineData(2.2250738585072014E-308)]
    [InlineData(2.2250738585072009E-308)]
    [InlineData(9007199254740993.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Edge_values_are_written_as_dotnet_writes_them(double v) => AssertLikeDotNet(v);

    [Fact]
    public void Powers_of_ten_and_their_neighbours_are_written_as_dotnet_writes_them()
    {
        for (int e = -325; e <= 308; e++)
            for (int k = 1; k < 20; k++)
            {
                double v = k * Math.Pow(10, e);
                AssertLikeDotNet(v);
                AssertLikeDotNet(-v);
                AssertLikeDotNet(Math.BitIncrement(v));
                AssertLikeDotNet(Math.BitDecrement(v));
            }
    }

    [Fact]
    public void Random_doubles_are_written_as_dotnet_writes_them()
    {
        AssertLikeDotNet(-0.0);
        var rng = new Random(18);
        for (int i = 0; i < 300_000; i++)
        {
            double bits = BitConverter.Int64BitsToDouble(rng.NextInt64(long.MinValue, long.MaxValue));
            if (!double.IsNaN(bits)) AssertLikeDotNet(bits);
            AssertLikeDotNet(rng.NextDouble() * Math.Pow(10, rng.Next(-8, 9)));
            AssertLikeDotNet(Math.Round(rng.NextDouble() * 1000, rng.Next(0, 7)));
            AssertLikeDotNet(rng.Next(1, 100_000) / (double)rng.Next(1, 1000));
        }
    }
}
