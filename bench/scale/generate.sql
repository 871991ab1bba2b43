-- Historic (closed) invoice cases for bench/run-scale-bench: copies of the template cases that the
-- script made through the app's HTTP API (scale_template), in our tables and Camunda's history
-- tables, with fresh ids, Aktenzeichen, invoice numbers and sellers. Run with the app stopped.
--
-- Case n (1..N) is template ((n - 1) % T) + 1 copied once more (T templates, scale_template.t). Its ids are md5(template id || 'h'
-- || n) as a UUID, in our uuid columns and Camunda's id columns alike, so references between rows
-- (and from our invoice to its process instance) stay intact. Its times lie n * 2 minutes before
-- the template's (1 M cases cover ~3.8 years before today; removal times stay in the future, so
-- the history cleanup has nothing to delete). Aktenzeichen RE-<year>-<number> lie in the years
-- before the template's, so the number counter of the current year never meets one. 300 sellers
-- (VAT ids); seller 0 is the template's, whose invoices the bench's duplicates and resubmissions
-- name. The e-file audit chain's hashes are copied, not recomputed: IntegrityChecker would report
-- the copies; their documents' content is not in the content store either.

create or replace function scale_column(tbl text, col text, typ text) returns text
language sql immutable as $$
  select case
    -- Camunda's instance-scoped ids (process, execution, activity, task, variable, job, decision)
    when typ = 'character varying' and col in ('id_', 'proc_inst_id_', 'root_proc_inst_id_',
        'execution_id_', 'act_inst_id_', 'parent_act_inst_id_', 'task_id_', 'parent_task_id_',
        'call_proc_inst_id_', 'super_process_instance_id_', 'var_inst_id_', 'bytearray_id_',
        'job_id_', 'job_exception_stack_id_', 'dec_inst_id_', 'root_dec_inst_id_',
        'process_instance_id_', 'operation_id_', 'restarted_proc_inst_id_', 'process_instance_id')
      then format('md5(x.%I || k.key)::uuid::text', col)
    when typ = 'uuid' then format('md5(x.%I::text || k.key)::uuid', col)
    when typ like 'timestamp%' then format('x.%I - k.shift', col)
    when typ = 'date' then format('(x.%I - k.shift)::date', col)
    when col in ('business_key_', 'file_number') then 'k.file_number'
    when col = 'invoice_number' then 'k.invoice_number'
    when col = 'seller_key' then 'k.seller_key'
    when col = 'seller_name' then 'k.seller_name'
    when col = 'seller_vat_id' then 'k.seller_vat_id'
    when tbl = 'efile' and col = 'subject'
      then $q$'Rechnung ' || k.invoice_number || ' von ' || k.seller_name$q$
    -- the card and search variables of the case name the copy, not the template
    when col = 'text_' and tbl in ('act_hi_varinst', 'act_hi_detail') then
      $q$case x.name_ when 'fileNumber' then k.file_number when 'invoiceNumber' then k.invoice_number
         when 'sellerName' then k.seller_name
         when 'invoiceId' then md5(x.text_ || k.key)::uuid::text
         when 'efileId' then md5(x.text_ || k.key)::uuid::text else x.text_ end$q$
    else format('x.%I', col)
  end
$$;

-- copies every template once for each m in m_lo..m_hi: cases (m_lo - 1) * T + 1 .. m_hi * T;
-- returns the rows written
create or replace function scale_generate(m_lo bigint, m_hi bigint) returns bigint
language plpgsql as $$
declare
  templates int := (select count(*) from scale_template);
  tbl text;
  source text;
  cols text;
  exprs text;
  written bigint;
  total bigint := 0;
begin
  foreach tbl in array array['efile', 'efile_document', 'efile_document_version',
      'efile_audit_entry', 'efile_participant', 'invoice', 'payment_order_outbox',
      'act_hi_procinst', 'act_hi_actinst', 'act_hi_taskinst', 'act_hi_varinst', 'act_hi_detail',
      'act_hi_identitylink', 'act_hi_job_log', 'act_hi_op_log', 'act_hi_decinst', 'act_hi_dec_in',
      'act_hi_dec_out'] loop
    source := case tbl
      when 'efile' then 'efile x join scale_template s on x.id = s.efile_id'
      when 'efile_document_version' then 'efile_document_version x join efile_document d'
        || ' on d.id = x.document_id join scale_template s on d.efile_id = s.efile_id'
      when 'invoice' then 'invoice x join scale_template s on x.id = s.invoice_id'
      when 'payment_order_outbox' then
        'payment_order_outbox x join scale_template s on x.invoice_id = s.invoice_id'
      else case when tbl like 'act_hi_%'
        then tbl || ' x join scale_template s on x.root_proc_inst_id_ = s.proc_inst_id'
        else tbl || ' x join scale_template s on x.efile_id = s.efile_id' end
      end;
    select string_agg(format('%I', column_name), ', ' order by ordinal_position),
           string_agg(scale_column(tbl, column_name, data_type), ', ' order by ordinal_position)
      into cols, exprs
      from information_schema.columns
     where table_schema = current_schema() and table_name = tbl;
    execute format(
      'insert into %I (%s) select %s from %s'
      || ' cross join generate_series($1, $2) m'
      || ' cross join lateral (select (m - 1) * $3 + s.t as n) c'
      || ' cross join lateral (select ''h'' || n as key,'
      || '   make_interval(mins => (2 * n)::int) as shift,'
      -- 262,800 cases a year (one every 2 minutes), in the years before the template's
      || '   ''RE-'' || (extract(year from s.received_at)::int - 1 - (n - 1) / 262800) || ''-'''
      || '     || lpad(((n - 1) %% 262800 + 1)::text, 6, ''0'') as file_number,'
      || '   ''R'' || lpad(n::text, 8, ''0'') as invoice_number,'
      || '   case when n %% 300 = 0 then s.seller_key else ''VAT:DE'' || (600000000 + n %% 300) end'
      || '     as seller_key,'
      || '   case when n %% 300 = 0 then s.seller_name else ''Lieferant '' || n %% 300 || '' GmbH'' end'
      || '     as seller_name,'
      || '   case when n %% 300 = 0 then s.seller_vat_id else ''DE '' || (600000000 + n %% 300) end'
      || '     as seller_vat_id) k',
      tbl, cols, exprs, source) using m_lo, m_hi, templates;
    get diagnostics written = row_count;
    total := total + written;
  end loop;
  return total;
end
$$;
