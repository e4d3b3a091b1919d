using System.Text.RegularExpressions;

namespace CompeteModel.Engine.Procurement;

/// <summary>
/// Tells framework agreements and dynamic purchasing systems (whose value is a ceiling) from contracts and
/// call-offs (whose value is spend). Rules, first match wins, with the text that decided as evidence:
/// <list type="number">
/// <item>method details say "call-off from …", "… from a framework …" or "further competition" → call-off;</item>
/// <item>the OCDS techniques flags <c>hasFrameworkAgreement</c> / <c>hasDynamicPurchasingSystem</c> → framework / DPS;</item>
/// <item>the title or description sets one up ("establish a Framework Agreement", "renewal of a national
/// framework", "establish a Dynamic Purchasing System") → framework / DPS;</item>
/// <item>the text buys through one ("call-off", "mini-competition", "further competition", "awarded via
/// framework agreement", "under the ESPO 509_23 framework", "using … Framework Agreement") → call-off;</item>
/// <item>the title names a framework or DPS ("IDS Staffing Framework") → framework / DPS;</item>
/// <item>otherwise a contract.</item>
/// </list>
/// A title naming someone else's framework ("CP7 Framework - Clifton Bridge") is read as a framework: the
/// rule errs towards treating a value as a ceiling, so that no ceiling is counted as demand.
/// </summary>
public static partial class ArrangementDetector
{
    private const string Agreement = @"(?:framework|dynamic\s+purchasing\s+system|DPS)";

    [GeneratedRegex(@"call[\s-]*off|from\s+a\s+framework|further\s+competition", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallOffMethod();

    [GeneratedRegex(@"\b(?:establish(?:ment\s+of)?|set\s+up|setting\s+up|renewal\s+of|renew|create|creation\s+of)\b[^.;]{0,80}?\b" + Agreement + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SetsUp();

    [GeneratedRegex(@"\bcall[\s-]*offs?\b|\bmini[\s-]*competitions?\b|\bfurther\s+competition\b|\b(?:via|under|through|using|from)\b[^.;]{0,80}?\b" + Agreement + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BuysThrough();

    [GeneratedRegex(@"\b" + Agreement + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Names();

    /// <summary>The arrangement and the evidence (field and text) that decided it; null evidence for a plain contract.</summary>
    public static (ProcurementArrangement Arrangement, string? Evidence) Detect(ReleaseExtras? extras, string? title, string? description)
    {
        var method = extras?.MethodDetails;
        if (method is not null && CallOffMethod().IsMatch(method)) return (ProcurementArrangement.CallOff, "method: " + method);
        if (extras?.HasDynamicPurchasingSystem == true) return (ProcurementArrangement.DynamicPurchasingSystem, "techniques.hasDynamicPurchasingSystem");
        if (extras?.HasFrameworkAgreement == true) return (ProcurementArrangement.FrameworkAgreement, "techniques.hasFrameworkAgreement");
        var text = string.Join(". ", new[] { title, description }.Where(t => t is not null));
        var m = SetsUp().Match(text);
        if (m.Success) return (Kind(m.Value), "text: " + m.Value);
        m = BuysThrough().Match(text);
        if (m.Success) return (ProcurementArrangement.CallOff, "text: " + m.Value);
        if (title is not null)
        {
            m = Names().Match(title);
            if (m.Success) return (Kind(m.Value), "title: " + title);
        }
        return (ProcurementArrangement.Contract, null);
    }

    private static ProcurementArrangement Kind(string matched) =>
        matched.Contains("dynamic", StringComparison.OrdinalIgnoreCase) || Regex.IsMatch(matched, @"\bDPS\b", RegexOptions.IgnoreCase)
            ? ProcurementArrangement.DynamicPurchasingSystem : ProcurementArrangement.FrameworkAgreement;
}
