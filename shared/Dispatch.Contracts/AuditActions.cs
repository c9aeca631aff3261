namespace Dispatch.Contracts;

/// <summary>What an <see cref="AuditRecorded"/> entry records; the admin's audit page names each in Chinese.</summary>
public static class AuditActions
{
    /// <summary>A resident's contact name, phone or exact address was shown (the subjects are the needs).</summary>
    public const string ContactRead = "contact.read";

    public const string SignInSucceeded = "sign_in.succeeded";
    public const string SignInFailed = "sign_in.failed";
    /// <summary>A sign-in refused because its account and address (or the address, or the name) are locked for a while.</summary>
    public const string SignInLocked = "sign_in.locked";

    public const string AccountCreated = "account.created";
    public const string AccountDisabled = "account.disabled";
    public const string AccountEnabled = "account.enabled";
    public const string PasswordReset = "account.password_reset";
    public const string PasswordChanged = "account.password_changed";

    public const string TeamStatusChanged = "team.status_changed";
    public const string TeamServiceListChanged = "team.service_list_changed";
    public const string PlacesChanged = "places.changed";

    public const string OrderReassigned = "order.reassigned";
    public const string OrderTransferred = "order.transferred";
    public const string NeedCancelled = "need.cancelled";
    public const string AuditExported = "audit.exported";

    public static readonly IReadOnlySet<string> All = new HashSet<string>
    {
        ContactRead, SignInSucceeded, SignInFailed, SignInLocked, AccountCreated, AccountDisabled, AccountEnabled,
        PasswordReset, PasswordChanged, TeamStatusChanged, TeamServiceListChanged, PlacesChanged, OrderReassigned,
        OrderTransferred, NeedCancelled, AuditExported,
    };
}
