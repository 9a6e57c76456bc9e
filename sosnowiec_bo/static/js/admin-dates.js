// Wagtail's date pickers replace a date they cannot read with the current date and time as soon
// as the field loses focus. Keep what the editor typed: the server understands every common way of
// writing a date and refuses anything else with a message next to the field.
if (window.jQuery && window.jQuery.fn.datetimepicker) {
  window.jQuery.fn.datetimepicker.defaults.validateOnBlur = false;
}
