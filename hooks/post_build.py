"""After the pages are written: the steps of rights_guide/build/postbuild.py, in its order."""

from mkdocs.plugins import event_priority

from rights_guide.build import i18n, postbuild


def on_post_template(output_content, template_name, config):
    if template_name == postbuild.NOT_FOUND:
        postbuild.keep_not_found_page(config, output_content)
    return output_content


# Below static-i18n (-100), which builds every other language inside its own on_post_build.
@event_priority(-200)
def on_post_build(config):
    if i18n.after_last_language(config):
        postbuild.run(config)
