-- The pantau store: one row per document, and one table per layer of the contract for
-- querying. `documents.analysis` holds the whole analysis as JSON (the contract, exactly).
-- Rows of a document are replaced together in one transaction.
CREATE TABLE IF NOT EXISTS store_info (key VARCHAR, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR NOT NULL, source VARCHAR, input_hash VARCHAR, pipeline VARCHAR,
    language VARCHAR, title VARCHAR, published VARCHAR, url VARCHAR, section VARCHAR,
    author VARCHAR, text VARCHAR, sentences INTEGER, removed INTEGER,
    tone_score DOUBLE, warnings VARCHAR[], analysis JSON, stored_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS removed (doc_id VARCHAR, idx INTEGER, text VARCHAR, reason VARCHAR);
CREATE TABLE IF NOT EXISTS entities (
    doc_id VARCHAR, id VARCHAR, name VARCHAR, type VARCHAR, kb_id VARCHAR, country VARCHAR,
    roles VARCHAR[], actor_code VARCHAR
);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR, entity_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    doc_id VARCHAR, idx INTEGER, text VARCHAR, start INTEGER, "end" INTEGER, kind VARCHAR,
    speaker VARCHAR, speaker_name VARCHAR, cue VARCHAR
);
CREATE TABLE IF NOT EXISTS places (
    doc_id VARCHAR, id VARCHAR, name VARCHAR, resolved VARCHAR, feature VARCHAR,
    country VARCHAR, lat DOUBLE, lon DOUBLE, geonames_id BIGINT
);
CREATE TABLE IF NOT EXISTS place_mentions (
    doc_id VARCHAR, place_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR
);
CREATE TABLE IF NOT EXISTS dates (
    doc_id VARCHAR, idx INTEGER, text VARCHAR, start INTEGER, "end" INTEGER, value VARCHAR,
    granularity VARCHAR, relative BOOLEAN
);
CREATE TABLE IF NOT EXISTS events (
    doc_id VARCHAR, id VARCHAR, sentence INTEGER,
    source_entity VARCHAR, source_name VARCHAR, source_code VARCHAR, source_country VARCHAR,
    source_sector VARCHAR,
    target_entity VARCHAR, target_name VARCHAR, target_code VARCHAR, target_country VARCHAR,
    target_sector VARCHAR,
    source_codes VARCHAR[], target_codes VARCHAR[],
    cameo VARCHAR, root VARCHAR, plover VARCHAR, plover_mode VARCHAR, plover_context VARCHAR,
    quad_class INTEGER, goldstein DOUBLE,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
    place VARCHAR, date VARCHAR, date_source VARCHAR, modality VARCHAR, confidence DOUBLE
);
CREATE TABLE IF NOT EXISTS errors (
    source VARCHAR, path VARCHAR, line INTEGER, reason VARCHAR, recorded_at TIMESTAMP
);
