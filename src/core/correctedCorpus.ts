// The corpus as the user has corrected it: hand corrections ("Not a Quote", "Set Speaker…", "Same
// Entity As…", …) override the automatic layers in every report the corpus gives, so every view,
// export and later scan shows the corrected result.

import { applyCorrections, type CorrectionSpan } from './annotations';
import { Corpus } from './corpus';
import { SCAN_SCHEMA, type ReportDocument, type ReportEntity, type ScanReport } from './model';

export class CorrectedCorpus extends Corpus {
  private corrections = new Map<string, readonly CorrectionSpan[]>();

  /** Replaces the corrections (anchored in each document's current text), keyed by corpus path. */
  setCorrections(corrections: ReadonlyMap<string, readonly CorrectionSpan[]>): void {
    this.corrections = new Map([...corrections].filter(([, spans]) => spans.length > 0));
  }

  /** Replaces one document's corrections. */
  setDocumentCorrections(path: string, spans: readonly CorrectionSpan[]): void {
    if (spans.length > 0) this.corrections.set(path, spans);
    else this.corrections.delete(path);
  }

  override documentReport(path: string): ReportDocument | undefined {
    const raw = super.documentReport(path);
    if (!raw || this.corrections.size === 0) return raw;
    // Identity merges made in any document apply here too, so those documents take part.
    const documents = [raw, ...this.mergingDocuments(path)];
    return applyCorrections({ schema: SCAN_SCHEMA, documents, entities: super.entities() }, this.corrections).documents[0];
  }

  override entities(): ReportEntity[] {
    const raw = super.entities();
    if (this.corrections.size === 0) return raw;
    const documents = [...this.corrections.keys()].map((p) => super.documentReport(p)).filter((d): d is ReportDocument => !!d);
    return applyCorrections({ schema: SCAN_SCHEMA, documents, entities: raw }, this.corrections).entities;
  }

  override report(): ScanReport {
    if (this.corrections.size === 0) return super.report();
    // Built from the uncorrected parts so that the corrections apply exactly once.
    const raw: ScanReport = {
      schema: SCAN_SCHEMA,
      documents: this.paths().map((p) => super.documentReport(p)!),
      entities: super.entities(),
    };
    return applyCorrections(raw, this.corrections);
  }

  private mergingDocuments(except: string): ReportDocument[] {
    const out: ReportDocument[] = [];
    for (const [path, spans] of this.corrections) {
      if (path === except || !spans.some((s) => s.correction.type === 'same-entity-as')) continue;
      const doc = super.documentReport(path);
      if (doc) out.push(doc);
    }
    return out;
  }
}
