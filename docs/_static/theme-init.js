// Restore the reader's light/dark choice before the page paints (was inline in furo).
document.body.dataset.theme = localStorage.getItem("theme") || "auto";
