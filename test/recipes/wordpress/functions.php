<?php
/**
 * Plaudit for a WordPress theme (WordPress 6.5+, script modules): append to the
 * (child) theme's functions.php. The bundles are in the theme's plaudit/
 * folder: node_modules/plaudit/dist/*.js, dist/chunks/ and dist/integrity.json.
 */

/** The Plaudit server; '' keeps all feedback on each reader's device. */
const PLAUDIT_ENDPOINT = 'https://feedback.example.com/api/plaudit';

add_action(
	'wp_enqueue_scripts',
	function () {
		if ( ! is_singular( 'post' ) ) {
			return;
		}
		// Version null: no ?ver= on the URL. The chunks import the entry back as
		// ../plaudit.js, and a query string would make that a second copy.
		wp_enqueue_script_module( 'plaudit', get_theme_file_uri( 'plaudit/plaudit.js' ), array(), null );
	}
);

// integrity and crossorigin on the module's <script> (printed by wp_print_script_tag).
add_filter(
	'wp_script_attributes',
	function ( $attributes ) {
		if ( ! isset( $attributes['id'] ) || 'plaudit-js-module' !== $attributes['id'] ) {
			return $attributes;
		}
		$integrity = json_decode( (string) file_get_contents( get_theme_file_path( 'plaudit/integrity.json' ) ), true );
		if ( isset( $integrity['plaudit.js'] ) ) {
			$attributes['integrity']   = $integrity['plaudit.js'];
			$attributes['crossorigin'] = 'anonymous';
		}
		return $attributes;
	}
);

/**
 * Wraps a post's content in <plaudit-article>, keyed by the post's slug
 * (get_post_field( 'post_name' )); use get_permalink() instead to key feedback
 * by canonical URL. Works in classic and block themes alike.
 */
function plaudit_wrap_content( $content ) {
	static $wrapped = false;
	// Only the post the page is about, and once: plugins also run the_content
	// for excerpts and meta descriptions.
	if ( $wrapped || ! is_singular( 'post' ) || get_the_ID() !== get_queried_object_id() || doing_filter( 'get_the_excerpt' ) ) {
		return $content;
	}
	$wrapped = true;
	$endpoint = '' === PLAUDIT_ENDPOINT ? '' : sprintf( ' endpoint="%s"', esc_url( PLAUDIT_ENDPOINT ) );
	return sprintf(
		'<plaudit-article article-id="%s"%s><article>%s</article></plaudit-article>',
		esc_attr( get_post_field( 'post_name' ) ),
		$endpoint,
		$content
	);
}
add_filter( 'the_content', 'plaudit_wrap_content', 20 );
