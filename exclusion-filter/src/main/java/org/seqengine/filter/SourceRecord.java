package org.seqengine.filter;

import java.util.Map;

/**
 * One CRM object (or the person record) that facts come from, named in evidence.
 *
 * @param crm        {@code salesforce}, {@code hubspot}, ... or {@code people} for the person record
 * @param objectType {@code person}, {@code company} or {@code opportunity}
 * @param fields     field name to value; a cleared field is absent (a null or blank value reads as
 *                   not set). Not copied: do not change it afterwards.
 */
public record SourceRecord(String crm, String objectType, String objectId, Map<String, String> fields) {

    public SourceRecord {
        if (fields == null) fields = Map.of();
    }
}
