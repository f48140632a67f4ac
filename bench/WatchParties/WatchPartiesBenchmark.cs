using System.Globalization;

namespace WatchParties;

/// <summary>The whole benchmark in one run: accounts, command fan-out against the bare hub, browser sync skew, one report with the goals.</summary>
public static class WatchPartiesBenchmark
{
    public const double SingleInstanceGoalMs = 50;
    public const double TwoInstancesGoalMs = 100;

    public static async Task<int> RunAsync(BenchSettings settings)
    {
        using var app = new AppClient(settings);
        FanOutBenchmark.Log($"Creating {settings.Clients} accounts on Auth");
        var accounts = await app.CreateAccountsAsync(settings.Clients);
        accounts[0] = await app.MakeCreatorAsync(accounts[0]);

        var fanOut = await FanOutBenchmark.RunAsync(settings, app, accounts);
        var single = fanOut.Setups[0].Parties;
        var skew = await SkewBenchmark.RunAsync(settings, app, accounts, single.Urls[0], single.VideoId);

        fanOut.Print();
        skew.Print();
        Console.WriteLine();
        Console.WriteLine("Goals (end-to-end: from the controller's command to each client's receipt):");
        Goal($"fan-out p99 to {settings.Clients} clients, one instance", fanOut.PartyEndToEndP99(0), SingleInstanceGoalMs);
        Goal($"fan-out p99 to {settings.Clients} clients, two instances + Redis", fanOut.PartyEndToEndP99(1), TwoInstancesGoalMs);
        Goal($"browser sync skew p95, {skew.Pages} pages, play and seek", SkewBenchmark.Quantile(skew.All, 0.95), SkewResult.GoalP95Ms);
        return 0;
    }

    private static void Goal(string name, double measured, double goal) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-58}{measured,8:0.0} ms   goal <= {goal:0} ms   {(measured <= goal ? "met" : "missed")}"));
}
