namespace Dispatch.Contracts;

/// <summary>The category keys needs and teams share (SPEC.md); anything else is a client error.</summary>
public static class ServiceCategories
{
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>
    {
        ["elderly_care"] = "养老服务",
        ["child_welfare"] = "儿童福利",
        ["social_assistance"] = "社会救助",
        ["disability_support"] = "助残",
        ["health"] = "医疗健康",
        ["counselling"] = "心理疏导",
        ["traffic_civility"] = "文明交通",
        ["environment"] = "环境整治",
        ["anti_fraud"] = "防诈宣传",
        ["legal_aid"] = "法律咨询",
        ["culture"] = "文化活动",
    };

    public static bool IsKnown(string? key) => key is not null && Names.ContainsKey(key);
}
