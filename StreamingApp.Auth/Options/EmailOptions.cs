namespace StreamingApp.Auth.Options;

/// <summary>Outgoing mail (configuration section <c>Email</c>): SMTP when <c>Email:Smtp:Host</c> is set, else <c>.eml</c> files.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public string From { get; set; } = "StreamingApp <no-reply@streamingapp.local>";

    /// <summary>Folder for <c>.eml</c> files when no SMTP host is set. Unset: <c>{DataDirectory}/mail</c>.</summary>
    public string? PickupDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c>, <c>StartTlsWhenAvailable</c>, <c>Auto</c> or <c>None</c>.</summary>
    public string Security { get; set; } = "StartTls";
}
