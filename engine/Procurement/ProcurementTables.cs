using System.Globalization;
using CompeteModel.Engine.Geography;
using CompeteModel.Engine.IO;

namespace CompeteModel.Engine.Procurement;

/// <summary>The procurement results as <see cref="Table"/>s for CSV or Parquet output (column names in snake_case).</summary>
public static class ProcurementTables
{
    /// <summary>
    /// One row per process: ocid, title, buyer, buyer district and city region (with how they were
    /// matched: method, basis postcode/name/none, evidence, national flag), buyer type and its reason, SIC divisions with shares ("43:0.5;41:0.5"), technologies and their evidence, value,
    /// its source, annualised value, years and whether they were assumed, suppliers, supplier districts (with method and evidence per supplier),
    /// SME flag, delivery regions, the arrangement (contract, call_off, framework_agreement,
    /// dynamic_purchasing_system) with its evidence and the ceiling (NaN unless a framework or DPS; value_gbp is then the ceiling, not spend), dates, and the file and line of the latest release.
    /// </summary>
    public static Table Processes(IReadOnlyList<ClassifiedProcess> rows, GeographyModel geography)
    {
        int n = rows.Count;
        string?[] S() => new string?[n];
        double[] D() => new double[n];
        string?[] ocid = S(), title = S(), buyer = S(), buyerLad = S(), buyerLadName = S(), buyerRegion = S(), buyerMethod = S(), buyerType = S(), buyerTypeReason = S(), buyerBasis = S(), buyerEvidence = S(), sectors = S(),
            cpv = S(), unmapped = S(), tech = S(), evidence = S(), source = S(), suppliers = S(), supplierLads = S(), supplierRegions = S(), supplierMethods = S(), supplierEvidence = S(), sme = S(),
            suitable = S(), delivery = S(), arrangement = S(), arrangementEvidence = S(), first = S(), last = S(), tag = S(), start = S(), end = S(), file = S();
        double[] value = D(), annual = D(), years = D(), ceiling = D();
        bool[] assumed = new bool[n], national = new bool[n];
        int[] releases = new int[n];
        long[] line = new long[n];
        static string? Date(DateTimeOffset? d) => d?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        for (int i = 0; i < n; i++)
        {
            var c = rows[i];
            var p = c.Process;
            ocid[i] = p.Ocid;
            title[i] = p.Title;
            buyer[i] = p.Buyer?.Name;
            buyerLad[i] = c.Buyer.LadCode;
            buyerLadName[i] = c.Buyer.LadCode is not null && geography.TryGetLad(c.Buyer.LadCode, out var lad) ? lad.Name : null;
            buyerRegion[i] = c.Buyer.CityRegionId;
            buyerMethod[i] = Snake(c.Buyer.Method.ToString());
            buyerBasis[i] = c.Buyer.Basis;
            buyerType[i] = BuyerTypeRules.Name(c.BuyerType);
            buyerTypeReason[i] = c.BuyerTypeReason;
            buyerEvidence[i] = c.Buyer.Evidence;
            national[i] = c.Buyer.National;
            sectors[i] = string.Join(';', c.SectorShares.Select(s => s.Key + ":" + s.Value.ToString("0.####", CultureInfo.InvariantCulture)));
            cpv[i] = string.Join(';', p.CpvCodes);
            unmapped[i] = c.UnmappedCpv.Length == 0 ? null : string.Join(';', c.UnmappedCpv);
            tech[i] = string.Join(';', c.Technologies.Select(t => t.TechnologyId));
            evidence[i] = string.Join(';', c.Technologies.Select(t => t.TechnologyId + "=" + t.Evidence));
            value[i] = p.ValueGbp;
            arrangement[i] = Snake(p.Arrangement.ToString());
            arrangementEvidence[i] = p.ArrangementEvidence;
            ceiling[i] = p.CeilingGbp;
            source[i] = p.ValueSource == ValueSource.Award ? "award" : "tender";
            annual[i] = p.AnnualValueGbp;
            years[i] = p.Years;
            assumed[i] = p.PeriodAssumed;
            suppliers[i] = p.Suppliers.Length == 0 ? null : string.Join(';', p.Suppliers.Select(s => s.Name ?? s.Id ?? ""));
            supplierLads[i] = p.Suppliers.Length == 0 ? null : string.Join(';', c.Suppliers.Select(s => s.LadCode ?? Snake(s.Method.ToString())));
            supplierRegions[i] = p.Suppliers.Length == 0 ? null : string.Join(';', c.Suppliers.Select(s => s.CityRegionId ?? ""));
            supplierMethods[i] = p.Suppliers.Length == 0 ? null : string.Join(';', c.Suppliers.Select(s => Snake(s.Method.ToString())));
            supplierEvidence[i] = p.Suppliers.Length == 0 ? null : string.Join(';', c.Suppliers.Select(s => s.Evidence ?? ""));
            sme[i] = p.SupplierIsSme switch { true => "sme", false => "not_sme", null => null };
            suitable[i] = p.SuitableForSme switch { true => "true", false => "false", null => null };
            delivery[i] = p.DeliveryRegions.Length == 0 ? null : string.Join(';', p.DeliveryRegions);
            first[i] = Date(p.FirstDate);
            last[i] = Date(p.LastDate);
            tag[i] = p.LatestTag;
            start[i] = Date(p.ContractStart);
            end[i] = Date(p.ContractEnd);
            releases[i] = p.ReleaseCount;
            file[i] = p.File;
            line[i] = p.Line;
        }
        return new Table([
            TableColumn.Of("ocid", ocid), TableColumn.Of("title", title), TableColumn.Of("buyer", buyer),
            TableColumn.Of("buyer_lad", buyerLad), TableColumn.Of("buyer_lad_name", buyerLadName), TableColumn.Of("buyer_city_region", buyerRegion),
            TableColumn.Of("buyer_match", buyerMethod), TableColumn.Of("buyer_basis", buyerBasis), TableColumn.Of("buyer_evidence", buyerEvidence),
            TableColumn.Of("buyer_national", national), TableColumn.Of("buyer_type", buyerType), TableColumn.Of("buyer_type_reason", buyerTypeReason),
            TableColumn.Of("sic_divisions", sectors), TableColumn.Of("cpv_codes", cpv),
            TableColumn.Of("cpv_unmapped", unmapped), TableColumn.Of("technologies", tech), TableColumn.Of("technology_evidence", evidence),
            TableColumn.Of("value_gbp", value), TableColumn.Of("value_source", source), TableColumn.Of("arrangement", arrangement),
            TableColumn.Of("arrangement_evidence", arrangementEvidence), TableColumn.Of("ceiling_gbp", ceiling), TableColumn.Of("annual_value_gbp", annual),
            TableColumn.Of("contract_years", years), TableColumn.Of("period_assumed", assumed), TableColumn.Of("contract_start", start),
            TableColumn.Of("contract_end", end), TableColumn.Of("suppliers", suppliers), TableColumn.Of("supplier_lads", supplierLads),
            TableColumn.Of("supplier_city_regions", supplierRegions), TableColumn.Of("supplier_matches", supplierMethods),
            TableColumn.Of("supplier_evidence", supplierEvidence), TableColumn.Of("supplier_sme", sme), TableColumn.Of("suitable_for_sme", suitable),
            TableColumn.Of("delivery_regions", delivery), TableColumn.Of("first_release_date", first), TableColumn.Of("last_release_date", last),
            TableColumn.Of("latest_tag", tag), TableColumn.Of("releases", releases), TableColumn.Of("file", file), TableColumn.Of("line", line),
        ]);
    }

    /// <summary>Rejected units: file, line, ocid, field, reason, value.</summary>
    public static Table Rejects(IReadOnlyList<ProcurementReject> rejects) => new([
        TableColumn.Of("file", rejects.Select(r => (string?)r.File).ToArray()),
        TableColumn.Of("line", rejects.Select(r => r.Line).ToArray()),
        TableColumn.Of("ocid", rejects.Select(r => r.Ocid).ToArray()),
        TableColumn.Of("field", rejects.Select(r => (string?)r.Field).ToArray()),
        TableColumn.Of("reason", rejects.Select(r => (string?)r.Reason).ToArray()),
        TableColumn.Of("value", rejects.Select(r => r.Value).ToArray()),
    ]);

    /// <summary>Profile rows (<see cref="DemandRow"/>).</summary>
    public static Table Profile(IReadOnlyList<DemandRow> rows) => new([
        TableColumn.Of("region", rows.Select(r => (string?)r.RegionId).ToArray()),
        TableColumn.Of("dimension", rows.Select(r => (string?)r.Dimension).ToArray()),
        TableColumn.Of("key", rows.Select(r => (string?)r.Key).ToArray()),
        TableColumn.Of("name", rows.Select(r => (string?)r.Name).ToArray()),
        TableColumn.Of("processes", rows.Select(r => r.Processes).ToArray()),
        TableColumn.Of("value_gbp", rows.Select(r => r.ValueGbp).ToArray()),
        TableColumn.Of("annual_value_gbp", rows.Select(r => r.AnnualValueGbp).ToArray()),
        TableColumn.Of("local_supplier_share", rows.Select(r => r.LocalSupplierShare).ToArray()),
        TableColumn.Of("supplier_placed_share", rows.Select(r => r.SupplierPlacedShare).ToArray()),
        TableColumn.Of("sme_share", rows.Select(r => r.SmeShare).ToArray()),
        TableColumn.Of("sme_known_share", rows.Select(r => r.SmeKnownShare).ToArray()),
        TableColumn.Of("employment", rows.Select(r => r.Employment).ToArray()),
        TableColumn.Of("location_quotient", rows.Select(r => r.LocationQuotient).ToArray()),
        TableColumn.Of("demand_intensity_gbp_per_job", rows.Select(r => r.DemandIntensity).ToArray()),
        TableColumn.Of("ceiling_processes", rows.Select(r => r.CeilingProcesses).ToArray()),
        TableColumn.Of("ceiling_gbp", rows.Select(r => r.CeilingGbp).ToArray()),
    ]);

    /// <summary>Scenario rows, one per supplying division, largest mix share first.</summary>
    public static Table Scenario(ScenarioResult result)
    {
        var rows = result.Rows;
        return new Table([
            TableColumn.Of("region", rows.Select(_ => (string?)result.RegionId).ToArray()),
            TableColumn.Of("technology", rows.Select(_ => (string?)result.TechnologyId).ToArray()),
            TableColumn.Of("sic_division", rows.Select(r => (string?)r.Division).ToArray()),
            TableColumn.Of("name", rows.Select(r => (string?)r.Name).ToArray()),
            TableColumn.Of("mix_share", rows.Select(r => r.MixShare).ToArray()),
            TableColumn.Of("scenario_demand_gbp", rows.Select(r => r.ScenarioDemandGbp).ToArray()),
            TableColumn.Of("added_demand_gbp", rows.Select(r => r.AddedDemandGbp).ToArray()),
            TableColumn.Of("employment", rows.Select(r => r.Employment).ToArray()),
            TableColumn.Of("employment_lower", rows.Select(r => r.EmploymentLower).ToArray()),
            TableColumn.Of("employment_upper", rows.Select(r => r.EmploymentUpper).ToArray()),
            TableColumn.Of("location_quotient", rows.Select(r => r.LocationQuotient).ToArray()),
            TableColumn.Of("lq_lower", rows.Select(r => r.LqLower).ToArray()),
            TableColumn.Of("lq_upper", rows.Select(r => r.LqUpper).ToArray()),
            TableColumn.Of("lq_reliable", rows.Select(r => r.LqReliable).ToArray()),
            TableColumn.Of("employment_growth", rows.Select(r => r.Growth).ToArray()),
            TableColumn.Of("local_supply_share", rows.Select(r => r.LocalSupplyShare).ToArray()),
            TableColumn.Of("leakage_share", rows.Select(r => r.LeakageShare).ToArray()),
            TableColumn.Of("leaked_demand_gbp", rows.Select(r => r.LeakedDemandGbp).ToArray()),
            TableColumn.Of("leakage_per_1m_gbp", rows.Select(r => r.LeakagePerMillion).ToArray()),
            TableColumn.Of("added_demand_per_job_gbp", rows.Select(r => r.AddedDemandPerJob).ToArray()),
            TableColumn.Of("assessment", rows.Select(r => (string?)r.Assessment).ToArray()),
            TableColumn.Of("local_supply_method", rows.Select(_ => (string?)result.Method.ToString().ToLowerInvariant()).ToArray()),
            TableColumn.Of("local_supply_quotient", rows.Select(r => r.LocalSupplyQuotient).ToArray()),
            TableColumn.Of("local_demand_gbp", rows.Select(r => r.LocalDemandGbp).ToArray()),
            TableColumn.Of("gva_per_job_gbp", rows.Select(r => r.GvaPerJobGbp).ToArray()),
            TableColumn.Of("gva_row", rows.Select(r => r.GvaRow).ToArray()),
            TableColumn.Of("jobs_supported", rows.Select(r => r.JobsSupported).ToArray()),
            TableColumn.Of("added_jobs_supported", rows.Select(r => r.AddedJobsSupported).ToArray()),
        ]);
    }

    private static string Snake(string pascal)
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(pascal[i]));
        }
        return sb.ToString();
    }
}
