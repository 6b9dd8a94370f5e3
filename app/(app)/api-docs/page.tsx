import { getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/ui/table-scroll";
import { openApiDocument } from "@/lib/http/openapi";

type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  security: unknown[];
  parameters: { name: string; in: string; required: boolean; description?: string }[];
  responses: Record<string, { description: string }>;
};

/** A readable rendering of the OpenAPI document: the same document, generated from the routes' schemas. */
export default async function ApiDocsPage() {
  const t = await getTranslations("apiDocs");
  const document = openApiDocument();
  return (
    <>
      <h1>{t("title")}</h1>
      <p>
        {t("intro")} <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>
      </p>
      {Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.entries(methods as Record<string, Operation>).map(([method, op]) => (
          <section key={`${method} ${path}`} className="card api-operation" id={op.operationId}>
            <h2>
              <code>
                {method.toUpperCase()} {path}
              </code>
            </h2>
            <p>{op.summary}</p>
            {op.description && <p className="muted">{op.description}</p>}
            <p>{op.security.length ? t("authSession") : t("authNone")}</p>
            {op.parameters.length > 0 && (
              <TableScroll label={`${t("parameters")}: ${method.toUpperCase()} ${path}`}>
                <table className="data">
                  <caption>{t("parameters")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("name")}</th>
                      <th scope="col">{t("in")}</th>
                      <th scope="col">{t("required")}</th>
                      <th scope="col">{t("description")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {op.parameters.map((p) => (
                      <tr key={`${p.in}-${p.name}`}>
                        <th scope="row">
                          <code>{p.name}</code>
                        </th>
                        <td>{p.in}</td>
                        <td>{p.required ? t("yes") : t("no")}</td>
                        <td>{p.description ?? ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
            <h3>{t("responses")}</h3>
            <ul>
              {Object.entries(op.responses).map(([status, response]) => (
                <li key={status}>
                  <code>{status}</code> {response.description}
                </li>
              ))}
            </ul>
          </section>
        )),
      )}
    </>
  );
}
