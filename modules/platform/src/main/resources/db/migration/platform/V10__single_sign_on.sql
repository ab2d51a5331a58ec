-- Single sign-on per municipality (docs/adr/0014-openid-connect-per-municipality.md): each municipality may sign
-- its staff in through its own OpenID Connect provider. The settings are data, not configuration, because the
-- local administrator changes them at run time; they live in the platform next to the municipality because the
-- login page and the sign-in itself read them on every login.

create table municipality_sso (
    municipality_code      text        primary key references municipality (code),
    -- Off: the settings are kept but the login page shows no button and sign-in through the provider is refused.
    enabled                boolean     not null default false,
    issuer                 text        not null,
    client_id              text        not null,
    -- AES-GCM under the key from configuration (beskplan.security.sso.secret-key): never shown back, never logged.
    client_secret_sealed   text,
    -- The ID token claim that lists the user's groups (Entra ID: "groups"; AD FS often "role").
    groups_claim           text        not null default 'groups',
    -- [{"group": "...", "role": "OFFICIAL"}, ...]: a user gets every role one of their groups maps to.
    role_mappings          jsonb       not null default '[]',
    updated_at             timestamptz not null,
    version                integer     not null default 0
);

-- A login started at a provider and not yet come back: state (its hash), nonce and PKCE verifier, bound to the
-- browser that started it. Used once (deleted when the provider answers) and valid for ten minutes.
create table sso_login_attempt (
    state_hash        text        primary key,
    municipality_code text        not null references municipality (code),
    browser_hash      text        not null,
    nonce             text        not null,
    code_verifier     text        not null,
    next_path         text        not null,
    created_at        timestamptz not null
);
