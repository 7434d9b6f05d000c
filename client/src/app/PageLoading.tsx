/** The first paint while a page's code is on its way: a quiet spinner, announced to screen readers. */
export function PageLoading() {
  return (
    <div className="page-loading" role="status">
      <span className="spinner spinner--lg" aria-hidden="true" />
      <span className="visually-hidden">Loading AI Brand Automator</span>
    </div>
  );
}
