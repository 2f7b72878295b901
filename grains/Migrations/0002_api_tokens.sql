-- API tokens of company users. Only the SHA-256 of a token is kept: the token itself is shown once, to
-- whoever issued it. A revoked row stays, so that the admin's list shows who revoked what and when.
CREATE TABLE api_tokens (
    service_id  text        NOT NULL,
    token_id    text        NOT NULL,
    token_hash  bytea       NOT NULL CHECK (octet_length(token_hash) = 32),
    company_id  text        NOT NULL,
    user_id     text        NOT NULL,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    revoked_at  timestamptz,
    revoked_by  text,
    PRIMARY KEY (service_id, token_id)
);

-- Every request looks its token up by hash.
CREATE UNIQUE INDEX api_tokens_by_hash ON api_tokens (service_id, token_hash);
CREATE INDEX api_tokens_by_company ON api_tokens (service_id, company_id, created_at);
