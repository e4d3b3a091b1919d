using CompeteModel.Engine.Procurement;

namespace CompeteModel.Tests.Procurement;

public class OcdsTextTests
{
    [Theory]
    // Strings as they appear in the sample (literal "rn" for lost line breaks).
    [InlineData("Department for EducationrnrnAdditional information", "Department for Education Additional information")]
    [InlineData("the contract.rnrnThe work", "the contract. The work")]
    [InlineData("Lot 1 - Refuse collection vehicles (RCV's)rnLot 2 - Compact sweepers", "Lot 1 - Refuse collection vehicles (RCV's) Lot 2 - Compact sweepers")]
    [InlineData("AWARDED LIMITEDrn", "AWARDED LIMITED")]
    // Real words with "rn" stay intact.
    [InlineData("International government learning, Southern Road, Hornchurch", "International government learning, Southern Road, Hornchurch")]
    [InlineData("23rd Floor, Heron Towerrn110 BishopsgaternLondon EC2N 4AY", "23rd Floor, Heron Tower 110 Bishopsgate London EC2N 4AY")]
    public void Literal_line_breaks_are_replaced(string raw, string expected) => Assert.Equal(expected, OcdsText.Clean(raw));

    [Theory]
    [InlineData("42-44 High Street, MiltonnCambridge, CB24 6DF", "42-44 High Street, Milton Cambridge, CB24 6DF")]
    [InlineData("Dorcette HousenLittle LanenWhaplodenSpaldingnPE12 6RU", "Dorcette House Little Lane Whaplode Spalding PE12 6RU")]
    [InlineData("Elm House,rnSouthend Arterial Road,rnHornchurch", "Elm House, Southend Arterial Road, Hornchurch")]
    public void Addresses_also_lose_glued_n_breaks(string raw, string expected) => Assert.Equal(expected, OcdsText.CleanAddress(raw));
}
