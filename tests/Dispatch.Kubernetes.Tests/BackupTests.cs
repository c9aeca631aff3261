using System.Text.Json.Nodes;
using Xunit;

namespace Dispatch.Kubernetes.Tests;

/// <summary>The production overlay archives PostgreSQL's WAL and takes a base backup every day, to its object store.</summary>
public sealed class BackupTests
{
    private const string Plugin = "barman-cloud.cloudnative-pg.io";

    [Fact]
    public async Task The_cluster_archives_its_wal_to_the_overlays_object_store_with_credentials_the_overlay_makes()
    {
        var overlay = await Overlays.RenderAsync("production");
        var cluster = Assert.Single(overlay.OfKind("Cluster"));

        var plugin = Assert.Single(cluster["spec"]!["plugins"]!.AsArray(), p => (string?)p!["name"] == Plugin)!;
        Assert.True((bool?)plugin["isWALArchiver"]);
        var store = overlay.Find("ObjectStore", (string)plugin["parameters"]!["barmanObjectName"]!);
        Assert.NotNull(store);
        var configuration = store["spec"]!["configuration"]!;
        Assert.StartsWith("s3://", (string?)configuration["destinationPath"]);
        foreach (var credential in new[] { "accessKeyId", "secretAccessKey" })
        {
            var reference = configuration["s3Credentials"]![credential]!;
            var keys = SecretKeys.Of(overlay, (string)reference["name"]!);
            Assert.True(keys is not null && keys.Contains((string)reference["key"]!), $"{credential}: {reference.ToJsonString()} is in no Secret of the overlay");
        }
    }

    [Fact]
    public async Task A_base_backup_of_the_cluster_is_taken_every_day_through_the_plugin()
    {
        var overlay = await Overlays.RenderAsync("production");
        var cluster = RenderedOverlay.NameOf(Assert.Single(overlay.OfKind("Cluster")));

        var backup = Assert.Single(overlay.OfKind("ScheduledBackup"))["spec"]!;
        Assert.Equal(cluster, (string?)backup["cluster"]!["name"]);
        Assert.Equal("plugin", (string?)backup["method"]);
        Assert.Equal(Plugin, (string?)backup["pluginConfiguration"]!["name"]);
        // Six fields, seconds first: a fixed second, minute and hour, every day of every month, any weekday.
        var fields = ((string)backup["schedule"]!).Split(' ');
        Assert.Equal(6, fields.Length);
        Assert.All(fields[..3], f => Assert.True(int.TryParse(f, out _), $"{f} is not a fixed time"));
        Assert.Equal(["*", "*", "*"], fields[3..]);
    }

    [Fact]
    public async Task The_local_overlay_backs_nothing_up()
    {
        var overlay = await Overlays.RenderAsync("local");

        Assert.Empty(overlay.OfKind("ScheduledBackup"));
        Assert.Null(Assert.Single(overlay.OfKind("Cluster"))["spec"]!["plugins"]);
    }
}
