using CompeteModel.Engine.Scoring;

namespace CompeteModel.Engine.Pipeline;

/// <summary>Names of the quadrant classes as they appear in outputs.</summary>
public static class Quadrants
{
    public static string Name(SpecialisationGrowthClass c) => c switch
    {
        SpecialisationGrowthClass.Strength => "strength",
        SpecialisationGrowthClass.Emerging => "emerging",
        SpecialisationGrowthClass.DecliningStrength => "declining strength",
        SpecialisationGrowthClass.Underrepresented => "underrepresented",
        _ => "unclassified",
    };

    public static string Name(RelatednessComplexityClass c) => c switch
    {
        RelatednessComplexityClass.LowRiskHighReturn => "low risk, high return",
        RelatednessComplexityClass.LowRiskLowReturn => "low risk, low return",
        RelatednessComplexityClass.HighRiskHighReturn => "high risk, high return",
        RelatednessComplexityClass.HighRiskLowReturn => "high risk, low return",
        _ => "unclassified",
    };
}
