using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dispatch.Testing;
using Xunit.Abstractions;

namespace Dispatch.Operations.Tests;

/// <summary>
/// `./run.sh backup` of a running system, the data folder wiped, `./run.sh restore`: every need, order, timeline and
/// track record is back, old tokens and the admin's password still work, and the system works on.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BackupTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_backup_of_a_running_system_restored_into_a_wiped_data_folder_brings_everything_back_and_the_system_works_on()
    {
        var run = new RunScript(TestInfrastructure.DataDirectory("run"));
        var backup = Path.Combine(TestInfrastructure.DataDirectory("backup"), "nightly");
        var system = await run.StartAsync(await TestInfrastructure.NewVirtualHostAsync("backup"));
        Street street;
        Guid served, held, open;
        GatewayClient holder;
        string before;
        try
        {
            // The loop: one need served and rated, one claimed and in service, one still open in the hall.
            street = await Street.SetUpAsync(run.Gateway, run.AdminPassword);
            served = await street.PublishAsync();
            var (_, winner) = await street.RaceAsync(served);
            await street.ServeAndRateAsync(served, winner);
            held = await street.PublishAsync();
            (_, holder) = await street.RaceAsync(held);
            Assert.Equal(HttpStatusCode.OK, (await holder.PostAsync($"/api/orders/{held}/start")).Status);
            open = await street.PublishAsync();
            before = await SettledAsync(street, [served, held, open], "the figures the loop leaves");

            var (exit, log) = await run.RunAsync("backup", backup);
            output.WriteLine(log);
            Assert.True(exit == 0, $"./run.sh backup failed: {log}");
        }
        finally
        {
            await RunScript.StopAsync(system);
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(backup));
        Assert.All(Directory.EnumerateFiles(backup, "*", SearchOption.AllDirectories),
            file => Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(file) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)));
        var adminPassword = run.AdminPassword;

        Wipe(run.DataDirectory);
        var (restored, restoreLog) = await run.RunAsync("restore", backup);
        output.WriteLine(restoreLog);
        Assert.True(restored == 0, $"./run.sh restore failed: {restoreLog}");
        system = await run.StartAsync(await TestInfrastructure.NewVirtualHostAsync("restored"));
        try
        {
            // Everything is back as it was, read with the tokens issued before the backup; the admin's password too.
            Assert.Equal(adminPassword, run.AdminPassword);
            using (await GatewayClient.SignInAsync(run.Gateway, "admin", adminPassword)) { }
            var after = await SettledAsync(street, [served, held, open], "the restored figures");
            Assert.Equal(before, after);

            // The system works on: the order in service completes and is rated, the open one is claimed, a new one published.
            await street.CompleteAndRateAsync(held, holder);
            await street.RaceAsync(open);
            await street.PublishAsync();
        }
        finally
        {
            await RunScript.StopAsync(system);
            street.Dispose();
        }
    }

    /// <summary>
    /// What the street's people see of its needs, orders, timelines and track records, as one text to compare; read
    /// once the figures are settled (the track records follow the orders by events).
    /// </summary>
    private static async Task<string> SettledAsync(Street street, Guid[] needs, string what)
    {
        string? last = null;
        var settled = await Eventually.ReturnsAsync(async () =>
        {
            var text = new StringBuilder();
            foreach (var needId in needs)
            {
                var need = (await street.Branch.GetAsync($"/api/needs/{needId}")).Body!;
                text.AppendLine($"need {needId}: {need["status"]} {need["title"]} {need["rating"]?.ToJsonString()} claimed {need["claimedAt"]} completed {need["completedAt"]}");
                var timeline = (await street.Branch.GetAsync($"/api/needs/{needId}/timeline")).Body!;
                text.AppendLine($"  timeline: {Strip(timeline)}");
            }
            foreach (var (teamId, client) in street.Teams)
            {
                var team = (await client.GetAsync($"/api/teams/{teamId}")).Body!;
                text.AppendLine($"team {teamId}: track record {team["trackRecord"]?.ToJsonString()}");
                text.AppendLine($"  orders: {Strip((await client.GetAsync("/api/orders/mine")).Body!)}");
            }
            var previous = last;
            last = text.ToString();
            return (Text: last, Settled: previous == last);
        }, r => r.Settled, TimeSpan.FromSeconds(60), $"{what} should settle");
        return settled.Text;
    }

    private static string Strip(JsonNode node) => node.ToJsonString();

    /// <summary>The data folder gone: the private PostgreSQL's cluster (also where infra.sh keeps it when the postgres user cannot reach the folder), the secrets, the logs.</summary>
    private static void Wipe(string dataDirectory)
    {
        // infra.sh's id of a data folder: the first 8 hex digits of the SHA-1 of its path (a name, not a secret).
#pragma warning disable CA5350
        var id = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..8];
#pragma warning restore CA5350
        foreach (var directory in new[] { dataDirectory, $"/tmp/dispatch-{id}" })
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        Directory.CreateDirectory(dataDirectory);
    }
}
