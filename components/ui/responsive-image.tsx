import { getImageProps, type ImageProps } from 'next/image';
import { preload as preloadResource } from 'react-dom';

type Props = Omit<ImageProps, 'priority' | 'preload' | 'loading' | 'fetchPriority' | 'placeholder' | 'onLoad' | 'onLoadingComplete' | 'fill'> & {
  /** The page's largest paint (a cover above the fold): fetched first, eagerly, with a preload in the head. */
  eager?: boolean;
};

/**
 * next/image's markup (srcset and sizes through Next's image optimizer, width and height against
 * layout shift, lazy loading) rendered on the server as a plain <img>: next/image's component is a
 * client component, which would add its JavaScript to every reader page that shows an image.
 */
export function ResponsiveImage({ eager = false, ...rest }: Props) {
  const { props } = getImageProps(eager ? { ...rest, loading: 'eager', fetchPriority: 'high' } : rest);
  if (eager) {
    preloadResource(props.src, { as: 'image', imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: 'high' });
  }
  // getImageProps gives the alt text, sizes and dimensions: this is next/image's own output.
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text
  return <img {...props} />;
}
