// amtsflow: links in task forms (e-file, original invoice, readable rendering) open in a new
// window, so the clerk keeps the task open in Tasklist. Camunda Forms render markdown links
// without a target; this sets it when such a link is clicked.
document.addEventListener(
  'click',
  (event) => {
    const link = event.target.closest && event.target.closest('.fjs-container a[href^="/"]');
    if (!link || event.defaultPrevented) {
      return;
    }
    event.preventDefault();
    window.open(link.href, '_blank', 'noopener');
  },
  true
);

export default [];
