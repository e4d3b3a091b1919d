using CompeteModel.Engine.Geography;
using CompeteModel.Engine.Sectors;

namespace CompeteModel.Engine.Ingest.Micro;

/// <summary>
/// Firm-level data, one entry per firm × year, as parallel arrays (struct of arrays). Districts and
/// subclasses are indices into the <see cref="Geography"/> and <see cref="Sic"/> the table was resolved
/// against. <see cref="SicCode"/> is the cleaned code as given (2–5 digits); <see cref="SubclassIndex"/> is
/// −1 where that code is coarser than a subclass. Turnover is NaN where absent, BirthYear 0 where unknown,
/// <see cref="Itl2"/> is set only where the district straddles two ITL2 areas (otherwise null).
/// </summary>
public sealed class FirmTable
{
    public FirmTable(GeographyModel geography, SicHierarchy sic, long[] firmId, int[] year, int[] ladIndex, string[] sicCode,
        int[] subclassIndex, double[] employment, double[] turnover, int[] birthYear, string?[] description, string?[] cpc, string?[] itl2)
    {
        int n = firmId.Length;
        if (year.Length != n || ladIndex.Length != n || sicCode.Length != n || subclassIndex.Length != n || employment.Length != n
            || turnover.Length != n || birthYear.Length != n || description.Length != n || cpc.Length != n || itl2.Length != n)
            throw new ArgumentException("all columns of a firm table must have the same length");
        Geography = geography;
        Sic = sic;
        FirmId = firmId;
        Year = year;
        LadIndex = ladIndex;
        SicCode = sicCode;
        SubclassIndex = subclassIndex;
        Employment = employment;
        Turnover = turnover;
        BirthYear = birthYear;
        Description = description;
        Cpc = cpc;
        Itl2 = itl2;
    }

    public GeographyModel Geography { get; }
    public SicHierarchy Sic { get; }
    public int Count => FirmId.Length;

    public long[] FirmId { get; }
    public int[] Year { get; }

    /// <summary>Index into <see cref="GeographyModel.Lads"/>.</summary>
    public int[] LadIndex { get; }

    /// <summary>Cleaned SIC 2007 code, 2–5 digits.</summary>
    public string[] SicCode { get; }

    /// <summary>Index into <see cref="SicHierarchy.Subclasses"/>, −1 when the code is coarser than a subclass.</summary>
    public int[] SubclassIndex { get; }
    public double[] Employment { get; }

    /// <summary>Turnover in £; NaN when absent.</summary>
    public double[] Turnover { get; }

    /// <summary>Year the firm was founded; 0 when unknown.</summary>
    public int[] BirthYear { get; }
    public string?[] Description { get; }

    /// <summary>Cooperative Patent Classification codes joined with ';', or null.</summary>
    public string?[] Cpc { get; }

    /// <summary>ITL2 code (ITL 2021 form) for firms in a straddling district; null elsewhere.</summary>
    public string?[] Itl2 { get; }

    /// <summary>True when at least one firm has a turnover.</summary>
    public bool HasTurnover
    {
        get
        {
            foreach (var t in Turnover) if (!double.IsNaN(t)) return true;
            return false;
        }
    }

    /// <summary>The distinct years, ascending.</summary>
    public IReadOnlyList<int> Years()
    {
        var set = new SortedSet<int>();
        foreach (var y in Year) set.Add(y);
        return set.ToList();
    }

    /// <summary>The rows as a <see cref="IO.Table"/> in the micro-data file layout (for writing CSV or Parquet).</summary>
    public IO.Table ToTable()
    {
        int n = Count;
        var lad = new string?[n];
        var sic = new string?[n];
        for (int i = 0; i < n; i++)
        {
            lad[i] = Geography.Lads[LadIndex[i]].Code;
            sic[i] = SicCode[i];
        }
        return new IO.Table(
        [
            IO.TableColumn.Of("firm_id", FirmId), IO.TableColumn.Of("year", Year), IO.TableColumn.Of("lad_code", lad),
            IO.TableColumn.Of("sic", sic), IO.TableColumn.Of("employment", Employment), IO.TableColumn.Of("turnover", Turnover),
            IO.TableColumn.Of("birth_year", BirthYear), IO.TableColumn.Of("description", Description), IO.TableColumn.Of("cpc", Cpc),
            IO.TableColumn.Of("itl2", Itl2),
        ]);
    }
}
