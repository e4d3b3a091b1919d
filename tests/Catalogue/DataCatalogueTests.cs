using CompeteModel.Engine.Catalogue;
using CompeteModel.Engine.Ingest.Uk;

namespace CompeteModel.Tests.Catalogue;

[Collection("Console")]
public sealed class DataCatalogueTests
{
    [Fact]
    public void Every_shipped_dataset_exists_and_has_a_vintage_and_a_licence()
    {
        var cat = DataCatalogue.Open(TestData.Datasets);
        foreach (var s in cat.Sources())
        {
            Assert.True(s.Exists, s.Path);
            Assert.False(string.IsNullOrWhiteSpace(s.Info.Vintage), s.Info.Id);
            Assert.False(string.IsNullOrWhiteSpace(s.Info.Licence), s.Info.Id);
        }
        Assert.Equal(DataCatalogue.Shipped.Count, DataCatalogue.Shipped.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public void Nothing_outside_the_catalogue_names_a_dataset_file()
    {
        var names = DataCatalogue.Shipped.Select(d => Path.GetFileName(d.RelativePath)).ToList();
        var offenders = new List<string>();
        foreach (var folder in new[] { "engine", "cli" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(TestData.Root, folder), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
                if (Path.GetFileName(file) == "DataCatalogue.cs") continue;
                var text = File.ReadAllText(file);
                foreach (var n in names)
                    if (text.Contains(n, StringComparison.OrdinalIgnoreCase)) offenders.Add($"{Path.GetRelativePath(TestData.Root, file)}: {n}");
            }
        Assert.Empty(offenders);
    }

    [Fact]
    public void Each_file_is_read_once_per_process()
    {
        var a = UkData.Load(TestData.Datasets);
        var b = UkData.Load(DataCatalogue.Open(TestData.Datasets));
        Assert.Same(a.Geography, b.Geography);
        Assert.Same(a.BresSubclasses, b.BresSubclasses);
        Assert.Same(a.GvaItl2(false), b.GvaItl2(false));
    }

    [Fact]
    public void A_catalogue_file_overrides_a_shipped_dataset()
    {
        var dir = EndToEnd.Compete.TempDir("catalogue");
        var copy = Path.Combine(dir, "my_gva.csv.gz");
        File.Copy(DataCatalogue.Open(TestData.Datasets).PathOf(DataCatalogue.Ids.GvaCurrentItl2), copy);
        var list = Path.Combine(dir, "catalogue.csv");
        File.WriteAllText(list, "id,path\ngva-current-itl2,my_gva.csv.gz\n");
        var cat = DataCatalogue.Open(TestData.Datasets, DataCatalogue.ReadOverrides(list));
        Assert.Equal(Path.GetFullPath(copy), cat.PathOf(DataCatalogue.Ids.GvaCurrentItl2));
        Assert.True(cat.IsUserFile(DataCatalogue.Ids.GvaCurrentItl2));
        Assert.False(cat.IsUserFile(DataCatalogue.Ids.GvaCvmItl2));
        File.WriteAllText(list, "id,path\nno-such-dataset,x.csv\n");
        Assert.Throws<Engine.Errors.InputException>(() => DataCatalogue.ReadOverrides(list));
    }

    [Fact]
    public void Data_sources_lists_every_dataset_with_its_vintage()
    {
        var (code, stdout, stderr) = CliCapture.Run("data", "sources", "--data", TestData.Datasets);
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id\tkind\tfile\tvintage\tyears\tgeography\tlicence\tsource", lines[0]);
        Assert.Equal(DataCatalogue.Shipped.Count, lines.Length - 1);
        foreach (var d in DataCatalogue.Shipped)
        {
            var line = lines.Single(l => l.StartsWith(d.Id + "\t", StringComparison.Ordinal));
            var f = line.Split('\t');
            Assert.Equal(d.RelativePath, f[2]);
            Assert.Equal(d.Vintage, f[3]);
            Assert.Equal("shipped", f[7]);
        }
    }
}
