// A project indicator made from a library indicator (#34): the library's code (unless another is given),
// name in the project's first language, definition, measure, unit and direction, its required
// disaggregations as the project uses them (lib/server/catalogue/dimensions.ts: the project's own of that
// key, else the shared catalogue's), linked in the same transaction with each catalogue option mapped to
// the option of the same key. Nothing is written when any of it is refused.
import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/domain/errors";
import { proposedMappings } from "@/lib/domain/library/link-check";
import { assertCan, type Principal } from "@/lib/domain/permissions";
import { db } from "@/lib/platform/db";
import { saveIndicator } from "@/lib/server/projects/edit";
import { catalogueOptions, writeLink } from "./service";

export const fromLibraryInput = z.object({
  libraryIndicatorId: z.string().min(1, "required"),
  resultNodeId: z.string().min(1, "required"),
  /** The project's code for it; the library's when empty. */
  code: z.string().trim().max(40, "tooLong").default(""),
});

export type FromLibraryInput = z.input<typeof fromLibraryInput>;

export async function createFromLibrary(principal: Principal, projectId: string, input: FromLibraryInput) {
  assertCan(principal, "project.edit", projectId);
  const { libraryIndicatorId, resultNodeId, code } = fromLibraryInput.parse(input);
  const [library, project] = await Promise.all([
    db().libraryIndicator.findUnique({ where: { id: libraryIndicatorId } }),
    db().project.findUnique({ where: { id: projectId }, select: { languages: true } }),
  ]);
  if (!library || library.archivedAt)
    throw new DomainError("validation", {
      fields: [{ field: "body.libraryIndicatorId", code: library ? "libraryArchived" : "unknownLibraryIndicator" }],
    });
  return saveIndicator(
    principal,
    projectId,
    null,
    {
      resultNodeId,
      code: code || library.code,
      title: project?.languages[0] === "es" ? library.nameEs : library.nameEn,
      definition: library.definition,
      measure: library.measure,
      unit: library.unit,
      direction: library.direction,
      dimensionKeys: library.dimensionKeys,
    },
    async (tx, created, userId) => {
      const dimensions = await tx.indicatorDimension.findMany({
        where: { indicatorId: created.id },
        include: { dimension: { include: { options: true } } },
      });
      const options = dimensions.flatMap((d) =>
        d.dimension.options.map((o) => ({ id: o.id, key: o.key, dimensionKey: d.dimension.key })),
      );
      const catalogue = await catalogueOptions(tx, library.dimensionKeys);
      const mappings = proposedMappings(library.dimensionKeys, catalogue, options);
      try {
        await writeLink(tx, userId, projectId, created.id, library.id, mappings);
      } catch (error) {
        // A project's own disaggregation whose options are not the catalogue's: made by hand and linked
        // with each option mapped instead.
        if (error instanceof DomainError && error.fields?.some((f) => f.field.startsWith("body.options")))
          throw new DomainError("validation", {
            fields: [{ field: "body.libraryIndicatorId", code: "optionsNotMatched" }],
          });
        throw error;
      }
    },
  );
}
